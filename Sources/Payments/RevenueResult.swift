/// The seed's step 3b: the revenue system's balance, limit and fee check, published to `revenue-validation`.
///
/// Balances are posted balances, not counting this payment's own reservation, so the seed's example
/// reads 25,000 − 5,000 − 15 = 19,985 remaining whether or not core reserved first.
public struct RevenueResult: Sendable, Hashable, Codable {
    public let eventId: String
    public let transactionId: TransactionID
    public let accountBalance: Money
    public let dailyLimit: Money
    public let dailyUsed: Money
    public let decision: RevenueDecision
    public let calculatedFee: Money
    /// `accountBalance − amount − fee` if the payment goes through.
    public let remainingBalance: Money
    /// Why it was declined (see ``ReasonCode``); absent when approved. An extra field.
    public let reasonCode: String?

    public init(
        transactionId: TransactionID, accountBalance: Money, dailyLimit: Money, dailyUsed: Money,
        decision: RevenueDecision, calculatedFee: Money, remainingBalance: Money, reasonCode: String? = nil,
        eventId: String? = nil
    ) {
        self.eventId = eventId ?? EventID.revenue(transactionId)
        self.transactionId = transactionId
        self.accountBalance = accountBalance
        self.dailyLimit = dailyLimit
        self.dailyUsed = dailyUsed
        self.decision = decision
        self.calculatedFee = calculatedFee
        self.remainingBalance = remainingBalance
        self.reasonCode = reasonCode
    }

    enum CodingKeys: String, CodingKey {
        case eventId, transactionId, accountBalance, dailyLimit, dailyUsed, decision, calculatedFee
        case remainingBalance, reasonCode
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            transactionId: try c.decode(TransactionID.self, forKey: .transactionId),
            accountBalance: try c.decode(Money.self, forKey: .accountBalance),
            dailyLimit: try c.decode(Money.self, forKey: .dailyLimit),
            dailyUsed: try c.decode(Money.self, forKey: .dailyUsed),
            decision: try c.decode(RevenueDecision.self, forKey: .decision),
            calculatedFee: try c.decode(Money.self, forKey: .calculatedFee),
            remainingBalance: try c.decode(Money.self, forKey: .remainingBalance),
            reasonCode: try c.decodeIfPresent(String.self, forKey: .reasonCode),
            eventId: try c.decodeIfPresent(String.self, forKey: .eventId))
    }
}
