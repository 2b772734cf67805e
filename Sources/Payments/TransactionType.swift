/// What a payment request asks for (the seed's `transactionType`).
public enum TransactionType: OpenEnum {
    case p2pTransfer
    case agentWithdrawal
    case airtimePurchase
    case paybill
    case buyGoods
    /// A value this build does not know; kept verbatim so that it can be rejected or relayed.
    case unknown(String)

    public static let knownCases: [TransactionType] = [.p2pTransfer, .agentWithdrawal, .airtimePurchase, .paybill, .buyGoods]

    public init(rawValue: String) {
        self = TransactionType.known(rawValue) ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .p2pTransfer: "P2P_TRANSFER"
        case .agentWithdrawal: "AGENT_WITHDRAWAL"
        case .airtimePurchase: "AIRTIME_PURCHASE"
        case .paybill: "PAYBILL"
        case .buyGoods: "BUY_GOODS"
        case let .unknown(raw): raw
        }
    }
}
