import Foundation

/// The seed's step 6: a payment's final status, published to `payment-confirmations` for SMS and app
/// notifications.
///
/// Extras beyond the seed carry what the SMS needs: the type (sent / paid / withdrawn wording), the
/// sender's new balance, the recipient's registered name, and on failure a reason.
public struct PaymentConfirmation: Sendable, Hashable, Codable {
    public let eventId: String
    public let transactionId: TransactionID
    public let finalStatus: FinalStatus
    public let fromMsisdn: MSISDN
    /// The recipient as in the request (MSISDN, paybill, till or agent number).
    public let toMsisdn: String
    public let amount: Money
    public let fee: Money
    public let completionTime: Date
    /// Whether the customer must be notified (an SMS sent).
    public let confirmationRequired: Bool
    public let transactionType: TransactionType?
    public let senderNewBalance: Money?
    public let recipientName: String?
    /// Why the payment failed (see ``ReasonCode``).
    public let reason: String?

    public init(
        transactionId: TransactionID, finalStatus: FinalStatus, fromMsisdn: MSISDN, toMsisdn: String,
        amount: Money, fee: Money, completionTime: Date, confirmationRequired: Bool = true,
        transactionType: TransactionType? = nil, senderNewBalance: Money? = nil, recipientName: String? = nil,
        reason: String? = nil, eventId: String? = nil
    ) {
        self.eventId = eventId ?? EventID.confirmation(transactionId)
        self.transactionId = transactionId
        self.finalStatus = finalStatus
        self.fromMsisdn = fromMsisdn
        self.toMsisdn = toMsisdn
        self.amount = amount
        self.fee = fee
        self.completionTime = completionTime
        self.confirmationRequired = confirmationRequired
        self.transactionType = transactionType
        self.senderNewBalance = senderNewBalance
        self.recipientName = recipientName
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case eventId, transactionId, finalStatus, fromMsisdn, toMsisdn, amount, fee, completionTime
        case confirmationRequired, transactionType, senderNewBalance, recipientName, reason
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            transactionId: try c.decode(TransactionID.self, forKey: .transactionId),
            finalStatus: try c.decode(FinalStatus.self, forKey: .finalStatus),
            fromMsisdn: try c.decode(MSISDN.self, forKey: .fromMsisdn),
            toMsisdn: try c.decode(String.self, forKey: .toMsisdn),
            amount: try c.decode(Money.self, forKey: .amount),
            fee: try c.decode(Money.self, forKey: .fee),
            completionTime: try c.decode(Date.self, forKey: .completionTime),
            confirmationRequired: try c.decode(Bool.self, forKey: .confirmationRequired),
            transactionType: try c.decodeIfPresent(TransactionType.self, forKey: .transactionType),
            senderNewBalance: try c.decodeIfPresent(Money.self, forKey: .senderNewBalance),
            recipientName: try c.decodeIfPresent(String.self, forKey: .recipientName),
            reason: try c.decodeIfPresent(String.self, forKey: .reason),
            eventId: try c.decodeIfPresent(String.self, forKey: .eventId))
    }
}
