import Foundation

/// The seed's step 1: a customer asks to move money. Published to `payment-requests`, keyed by `fromMsisdn`
/// so that one customer's payments stay ordered on one partition.
///
/// Wire fields are exactly the seed's; `accountReference` (the account number of a paybill) and `eventId`
/// are extras. `deviceId` and `location` are optional because a USSD session carries neither an IMEI nor
/// a location; the fraud system treats their absence as a signal of its own.
public struct PaymentRequest: Sendable, Hashable, Codable {
    public let eventId: String
    public let transactionId: TransactionID
    public let timestamp: Date
    public let fromMsisdn: MSISDN
    /// The recipient: an MSISDN for transfers and airtime, a paybill, till or agent number otherwise,
    /// so it is kept as the string that was sent (see ``recipientMSISDN``).
    public let toMsisdn: String
    /// The amount, in the currency of the wire's `currency` field.
    public let amount: Money
    public let transactionType: TransactionType
    /// `USSD`, `APP`, … as given by the channel.
    public let initiationChannel: String
    public let deviceId: String?
    public let location: String?
    /// The account number within a paybill (PAYBILL only).
    public let accountReference: String?

    public init(
        transactionId: TransactionID, timestamp: Date, fromMsisdn: MSISDN, toMsisdn: String, amount: Money,
        transactionType: TransactionType, initiationChannel: String, deviceId: String? = nil,
        location: String? = nil, accountReference: String? = nil, eventId: String? = nil
    ) {
        self.eventId = eventId ?? EventID.request(transactionId)
        self.transactionId = transactionId
        self.timestamp = timestamp
        self.fromMsisdn = fromMsisdn
        self.toMsisdn = toMsisdn
        self.amount = amount
        self.transactionType = transactionType
        self.initiationChannel = initiationChannel
        self.deviceId = deviceId
        self.location = location
        self.accountReference = accountReference
    }

    /// The wire's `currency`, carried inside ``amount``.
    public var currency: String { amount.currency }

    /// `toMsisdn` as a mobile number, or nil when it is a paybill, till or agent number.
    public var recipientMSISDN: MSISDN? { try? MSISDN(parsing: toMsisdn) }

    enum CodingKeys: String, CodingKey {
        case eventId, transactionId, timestamp, fromMsisdn, toMsisdn, amount, currency, transactionType
        case initiationChannel, deviceId, location, accountReference
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let transactionId = try c.decode(TransactionID.self, forKey: .transactionId)
        let currency = try c.decodeIfPresent(String.self, forKey: .currency) ?? Money.defaultCurrency
        self.init(
            transactionId: transactionId,
            timestamp: try c.decode(Date.self, forKey: .timestamp),
            fromMsisdn: try c.decode(MSISDN.self, forKey: .fromMsisdn),
            toMsisdn: try c.decode(String.self, forKey: .toMsisdn),
            amount: Money(amount: try c.decode(Money.self, forKey: .amount).amount, currency: currency),
            transactionType: try c.decode(TransactionType.self, forKey: .transactionType),
            initiationChannel: try c.decode(String.self, forKey: .initiationChannel),
            deviceId: try c.decodeIfPresent(String.self, forKey: .deviceId),
            location: try c.decodeIfPresent(String.self, forKey: .location),
            accountReference: try c.decodeIfPresent(String.self, forKey: .accountReference),
            eventId: try c.decodeIfPresent(String.self, forKey: .eventId))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(eventId, forKey: .eventId)
        try c.encode(transactionId, forKey: .transactionId)
        try c.encode(timestamp, forKey: .timestamp)
        try c.encode(fromMsisdn, forKey: .fromMsisdn)
        try c.encode(toMsisdn, forKey: .toMsisdn)
        try c.encode(amount, forKey: .amount)
        try c.encode(currency, forKey: .currency)
        try c.encode(transactionType, forKey: .transactionType)
        try c.encode(initiationChannel, forKey: .initiationChannel)
        try c.encodeIfPresent(deviceId, forKey: .deviceId)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encodeIfPresent(accountReference, forKey: .accountReference)
    }
}
