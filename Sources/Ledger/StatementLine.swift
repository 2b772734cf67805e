import Foundation
import Payments

/// One line of a mini statement: a posting on the subscriber's account.
public struct StatementLine: Sendable, Hashable {
    /// The transaction id, or `opening:<msisdn>` for an opening balance.
    public let reference: String
    /// `reserve` (money left, held), `release` (came back), `execute` (received), `opening`.
    public let step: String
    /// Signed: negative when money left the account.
    public let amount: Money
    /// The other party (recipient of a payment sent, sender of one received), when known.
    public let counterparty: String?
    public let time: Date
}
