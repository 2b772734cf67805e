import Foundation

/// A record on `payment-dlq`: why something was parked and enough context to review or replay it.
///
/// POISON and TRANSIENT records wrap the original Kafka record (topic, partition, offset, key, payload)
/// with the error and the number of attempts; the payload is kept as text when it is valid UTF-8 and as
/// base64 otherwise (`payloadEncoding`), so even undecodable bytes survive intact. TIMEOUT records name
/// the payment and the systems that did not answer in time. Fields that do not apply to a kind are
/// omitted from the JSON.
public struct DeadLetterEnvelope: Sendable, Hashable, Codable {
    /// How ``payload`` and ``key`` are written.
    public enum TextEncoding: String, Sendable, Hashable, Codable {
        case utf8
        case base64
    }

    public let eventId: String
    public let kind: DeadLetterKind
    public let transactionId: TransactionID?
    public let topic: String?
    public let partition: Int32?
    public let offset: Int64?
    public let key: String?
    public let keyEncoding: TextEncoding?
    public let error: String?
    public let attempts: Int?
    public let payload: String?
    public let payloadEncoding: TextEncoding?
    /// For TIMEOUT: the systems whose answers were missing, in ``ValidationSystem/knownCases`` order.
    public let missingSystems: [ValidationSystem]?
    public let deadLetteredAt: Date
    /// The service that parked the record.
    public let service: String?

    public init(
        kind: DeadLetterKind, transactionId: TransactionID? = nil, topic: String? = nil, partition: Int32? = nil,
        offset: Int64? = nil, key: String? = nil, keyEncoding: TextEncoding? = nil, error: String? = nil,
        attempts: Int? = nil, payload: String? = nil, payloadEncoding: TextEncoding? = nil,
        missingSystems: [ValidationSystem]? = nil, deadLetteredAt: Date, service: String? = nil,
        eventId: String? = nil
    ) {
        self.kind = kind
        self.transactionId = transactionId
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.keyEncoding = keyEncoding
        self.error = error
        self.attempts = attempts
        self.payload = payload
        self.payloadEncoding = payloadEncoding
        self.missingSystems = missingSystems
        self.deadLetteredAt = deadLetteredAt
        self.service = service
        self.eventId = eventId ?? DeadLetterEnvelope.deriveEventID(
            kind: kind, transactionId: transactionId, topic: topic, partition: partition, offset: offset)
    }

    /// A record that cannot be decoded or keeps failing (`kind` POISON), or a transient failure whose
    /// retries are spent (`kind` TRANSIENT), wrapping the original record.
    public static func wrapping(
        kind: DeadLetterKind, topic: String, partition: Int32, offset: Int64, key: [UInt8]?, payload: [UInt8],
        error: String, attempts: Int, transactionId: TransactionID? = nil, at date: Date, service: String? = nil
    ) -> DeadLetterEnvelope {
        let keyText = key.map(encodeBytes)
        let payloadText = encodeBytes(payload)
        return DeadLetterEnvelope(
            kind: kind, transactionId: transactionId, topic: topic, partition: partition, offset: offset,
            key: keyText?.text, keyEncoding: keyText?.encoding, error: error, attempts: attempts,
            payload: payloadText.text, payloadEncoding: payloadText.encoding, deadLetteredAt: date,
            service: service)
    }

    /// A payment declined because `missing` did not answer in time, parked for manual review.
    public static func timeout(
        transactionId: TransactionID, missing: Set<ValidationSystem>, at date: Date, service: String? = nil
    ) -> DeadLetterEnvelope {
        DeadLetterEnvelope(
            kind: .timeout, transactionId: transactionId, error: ReasonCode.timeout,
            missingSystems: ValidationSystem.ordered(missing), deadLetteredAt: date, service: service)
    }

    /// The original payload's bytes, or nil if there is none or its base64 is corrupt.
    public var payloadBytes: [UInt8]? { DeadLetterEnvelope.decodeBytes(payload, payloadEncoding) }

    /// The original key's bytes, or nil if there is none.
    public var keyBytes: [UInt8]? { DeadLetterEnvelope.decodeBytes(key, keyEncoding) }

    /// Origin-based ids for wrapped records (an offset is unique in Kafka), transaction-based otherwise.
    static func deriveEventID(
        kind: DeadLetterKind, transactionId: TransactionID?, topic: String?, partition: Int32?, offset: Int64?
    ) -> String {
        if let topic, let partition, let offset {
            return EventID.deadLetter(topic: topic, partition: partition, offset: offset)
        }
        if let transactionId {
            return kind == .timeout
                ? EventID.deadLetterTimeout(transactionId) : "\(transactionId):dlq-\(kind.rawValue.lowercased())"
        }
        return "dlq:\(kind.rawValue.lowercased())"
    }

    static func encodeBytes(_ bytes: [UInt8]) -> (text: String, encoding: TextEncoding) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return (Data(bytes).base64EncodedString(), .base64)
    }

    static func decodeBytes(_ text: String?, _ encoding: TextEncoding?) -> [UInt8]? {
        guard let text else { return nil }
        switch encoding ?? .utf8 {
        case .utf8: return Array(text.utf8)
        case .base64: return Data(base64Encoded: text).map { Array($0) }
        }
    }

    enum CodingKeys: String, CodingKey {
        case eventId, kind, transactionId, topic, partition, offset, key, keyEncoding, error, attempts
        case payload, payloadEncoding, missingSystems, deadLetteredAt, service
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(DeadLetterKind.self, forKey: .kind),
            transactionId: try c.decodeIfPresent(TransactionID.self, forKey: .transactionId),
            topic: try c.decodeIfPresent(String.self, forKey: .topic),
            partition: try c.decodeIfPresent(Int32.self, forKey: .partition),
            offset: try c.decodeIfPresent(Int64.self, forKey: .offset),
            key: try c.decodeIfPresent(String.self, forKey: .key),
            keyEncoding: try c.decodeIfPresent(TextEncoding.self, forKey: .keyEncoding),
            error: try c.decodeIfPresent(String.self, forKey: .error),
            attempts: try c.decodeIfPresent(Int.self, forKey: .attempts),
            payload: try c.decodeIfPresent(String.self, forKey: .payload),
            payloadEncoding: try c.decodeIfPresent(TextEncoding.self, forKey: .payloadEncoding),
            missingSystems: try c.decodeIfPresent([ValidationSystem].self, forKey: .missingSystems),
            deadLetteredAt: try c.decode(Date.self, forKey: .deadLetteredAt),
            service: try c.decodeIfPresent(String.self, forKey: .service),
            eventId: try c.decodeIfPresent(String.self, forKey: .eventId))
    }
}
