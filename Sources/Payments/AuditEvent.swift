import Foundation

/// The seed's step 8: one fact for the compliance trail, published to `audit-trail` keyed by `eventId`.
///
/// The topic is compacted, so the key must be unique per fact and stable across re-publication; the
/// ``EventID/audit(_:_:msisdn:)`` derivation gives one key per (transaction, type) and, for balance
/// changes, per account. `msisdn` holds a keyed-HMAC token of the number, never the raw MSISDN
/// (ARCHITECTURE.md), so it is a plain string here.
public struct AuditEvent: Sendable, Hashable, Codable {
    public let eventId: String
    public let transactionId: TransactionID
    public let eventType: AuditEventType
    /// The tokenized subscriber (or an internal account name such as a fee account).
    public let msisdn: String?
    /// The same party's number encrypted for the archive (`sealed:<keyId>:…`), readable only with the
    /// tokenization key: what lets `pesagate audit` show the number to whoever holds the key.
    public let msisdnSealed: String?
    public let previousBalance: Money?
    public let newBalance: Money?
    public let timestamp: Date
    /// The service that recorded the fact, e.g. `mpesa-core`.
    public let service: String?
    /// Free text, e.g. the decision and its reason.
    public let detail: String?

    public init(
        transactionId: TransactionID, eventType: AuditEventType, msisdn: String? = nil, msisdnSealed: String? = nil,
        previousBalance: Money? = nil, newBalance: Money? = nil, timestamp: Date, service: String? = nil,
        detail: String? = nil, eventId: String? = nil
    ) {
        self.eventId = eventId ?? EventID.audit(transactionId, eventType, msisdn: msisdn)
        self.transactionId = transactionId
        self.eventType = eventType
        self.msisdn = msisdn
        self.msisdnSealed = msisdnSealed
        self.previousBalance = previousBalance
        self.newBalance = newBalance
        self.timestamp = timestamp
        self.service = service
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case eventId, transactionId, eventType, msisdn, msisdnSealed, previousBalance, newBalance, timestamp, service, detail
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            transactionId: try c.decode(TransactionID.self, forKey: .transactionId),
            eventType: try c.decode(AuditEventType.self, forKey: .eventType),
            msisdn: try c.decodeIfPresent(String.self, forKey: .msisdn),
            msisdnSealed: try c.decodeIfPresent(String.self, forKey: .msisdnSealed),
            previousBalance: try c.decodeIfPresent(Money.self, forKey: .previousBalance),
            newBalance: try c.decodeIfPresent(Money.self, forKey: .newBalance),
            timestamp: try c.decode(Date.self, forKey: .timestamp),
            service: try c.decodeIfPresent(String.self, forKey: .service),
            detail: try c.decodeIfPresent(String.self, forKey: .detail),
            eventId: try c.decodeIfPresent(String.self, forKey: .eventId))
    }
}
