import Foundation
import GRDB
import Payments

/// A customer as the USSD menus and the CLI see it: identity, preferences, state and balance, but
/// never the PIN verifier.
public struct Subscriber: Sendable, Hashable {
    public let msisdn: MSISDN
    /// The registered name shown on confirm screens, e.g. `JOHN KAMAU`.
    public let name: String
    public let language: SubscriberLanguage
    public let kycTier: Int
    public let status: SubscriberStatus
    public let hasPIN: Bool
    /// Set while wrong PINs keep the account locked.
    public let pinLockedUntil: Date?
    public let balance: Money
    /// The county recorded at registration, e.g. `NAIROBI`; nil when none was recorded.
    public let region: String?

    static let selection = """
        SELECT s.msisdn, a.name, s.language, s.kycTier, s.status, s.pinVerifier IS NOT NULL AS hasPIN,
               s.pinLockedUntil, a.balance, s.region
        FROM subscriber s JOIN account a ON a.id = s.accountId
        """

    init(row: Row) throws {
        let msisdnText: String = row["msisdn"]
        self.msisdn = try MSISDN(parsing: msisdnText)
        self.name = row["name"]
        self.language = SubscriberLanguage(rawValue: row["language"]) ?? .english
        self.kycTier = row["kycTier"]
        self.status = SubscriberStatus(rawValue: row["status"]) ?? .closed
        self.hasPIN = row["hasPIN"]
        self.pinLockedUntil = (row["pinLockedUntil"] as Double?).map(Date.init(timeIntervalSince1970:))
        self.balance = Money(amount: row["balance"])
        self.region = row["region"]
    }
}

/// An account of any kind, e.g. an agent, till or paybill, or a system account.
public struct Account: Sendable, Hashable {
    public let kind: AccountKind
    /// MSISDN for customers, the business number for agents, tills and paybills, the kind's name for
    /// system accounts.
    public let number: String
    public let name: String
    public let balance: Money
}
