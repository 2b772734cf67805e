/// What an account is for. Stored as its raw value; the schema's CHECK lists the same values.
public enum AccountKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A subscriber's wallet, numbered by MSISDN. Never below zero.
    case customer
    /// A cash-out agent (AGENT_WITHDRAWAL credits it).
    case agent
    /// A Buy Goods till (BUY_GOODS).
    case till
    /// A Pay Bill business (PAYBILL).
    case paybill
    /// Where opening balances come from: the only account allowed below zero, so that the sum over all
    /// accounts stays zero and money is never created by a posting elsewhere.
    case issuance
    /// Reservations: amount plus fee sits here between RESERVED and EXECUTE or RELEASE.
    case hold
    /// Transaction fees earned.
    case feeIncome = "fee_income"
    /// Airtime sold (AIRTIME_PURCHASE credits it; the top-up itself is the operator's business).
    case airtime

    /// The four accounts the first migration creates, with their fixed numbers.
    static let systemKinds: [AccountKind] = [.issuance, .hold, .feeIncome, .airtime]

    /// Business accounts that pay-ins can name by number.
    public var isBusiness: Bool { self == .agent || self == .till || self == .paybill }
}
