import Foundation

/// The seed's step 5: core executed the transfer (`coreStatus` `COMPLETED`), published to `core-processing`.
///
/// `senderNewBalance` is an extra the confirmation SMS needs ("New balance is Ksh19,985.00"); only core
/// knows it at this moment.
public struct CoreCompletion: Sendable, Hashable, Codable {
    public let eventId: String
    public let transactionId: TransactionID
    /// Always ``CoreStatus/completed`` when produced here; kept as decoded otherwise.
    public let coreStatus: CoreStatus
    /// The debited account (the sender's MSISDN for a transfer).
    public let debitAccount: String
    /// The credited account (recipient MSISDN, paybill, till or agent).
    public let creditAccount: String
    /// Amount plus fee.
    public let debitedAmount: Money
    public let creditedAmount: Money
    public let transactionFee: Money
    public let completionTime: Date
    public let senderNewBalance: Money?
    /// Core's own id for the posting (an extra, as in the step 3c event).
    public let coreTransactionId: String?

    public init(
        transactionId: TransactionID, debitAccount: String, creditAccount: String, debitedAmount: Money,
        creditedAmount: Money, transactionFee: Money, completionTime: Date, senderNewBalance: Money? = nil,
        coreTransactionId: String? = nil, coreStatus: CoreStatus = .completed, eventId: String? = nil
    ) {
        self.eventId = eventId ?? EventID.coreExecute(transactionId)
        self.transactionId = transactionId
        self.coreStatus = coreStatus
        self.debitAccount = debitAccount
        self.creditAccount = creditAccount
        self.debitedAmount = debitedAmount
        self.creditedAmount = creditedAmount
        self.transactionFee = transactionFee
        self.completionTime = completionTime
        self.senderNewBalance = senderNewBalance
        self.coreTransactionId = coreTransactionId
    }

    enum CodingKeys: String, CodingKey {
        case eventId, transactionId, coreStatus, debitAccount, creditAccount, debitedAmount, creditedAmount
        case transactionFee, completionTime, senderNewBalance, coreTransactionId
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            transactionId: try c.decode(TransactionID.self, forKey: .transactionId),
            debitAccount: try c.decode(String.self, forKey: .debitAccount),
            creditAccount: try c.decode(String.self, forKey: .creditAccount),
            debitedAmount: try c.decode(Money.self, forKey: .debitedAmount),
            creditedAmount: try c.decode(Money.self, forKey: .creditedAmount),
            transactionFee: try c.decode(Money.self, forKey: .transactionFee),
            completionTime: try c.decode(Date.self, forKey: .completionTime),
            senderNewBalance: try c.decodeIfPresent(Money.self, forKey: .senderNewBalance),
            coreTransactionId: try c.decodeIfPresent(String.self, forKey: .coreTransactionId),
            coreStatus: try c.decode(CoreStatus.self, forKey: .coreStatus),
            eventId: try c.decodeIfPresent(String.self, forKey: .eventId))
    }
}
