/// Deterministic event ids, derived from (transaction id, step).
///
/// A service that crashes after publishing but before recording it publishes again after restart; the
/// copy must carry the same `eventId` so consumers drop it, and `audit-trail` (compacted, keyed by
/// `eventId`) keeps one record. So an id is never random: it is the transaction id plus the step that
/// produced the event. Producers, consumers and tests all derive ids through these functions.
public enum EventID {
    /// The request itself: `TXN-20240902-001:request`.
    public static func request(_ id: TransactionID) -> String { "\(id):request" }
    /// The fraud answer: `…:fraud`.
    public static func fraud(_ id: TransactionID) -> String { "\(id):fraud" }
    /// The revenue answer: `…:revenue`.
    public static func revenue(_ id: TransactionID) -> String { "\(id):revenue" }
    /// Core's answer to the request, RESERVED or FAILED: `…:core-reserve`.
    public static func coreReserve(_ id: TransactionID) -> String { "\(id):core-reserve" }
    /// Core's COMPLETED after executing: `…:core-execute`.
    public static func coreExecute(_ id: TransactionID) -> String { "\(id):core-execute" }
    /// Core's acknowledgement of a release: `…:core-release`.
    public static func coreRelease(_ id: TransactionID) -> String { "\(id):core-release" }
    /// The orchestrator's command: `…:command-execute`, `…:command-release`.
    public static func command(_ id: TransactionID, _ kind: CoreCommandKind) -> String {
        "\(id):command-\(kind.rawValue.lowercased())"
    }
    /// The final status: `…:confirmation`.
    public static func confirmation(_ id: TransactionID) -> String { "\(id):confirmation" }
    /// A balance change: `…:debit:<msisdn token>`, `…:credit:<msisdn token>`; other audit events:
    /// `…:audit:<EVENT_TYPE>`, one per type and transaction.
    public static func audit(_ id: TransactionID, _ type: AuditEventType, msisdn: String?) -> String {
        switch type {
        case .balanceDebited: "\(id):debit:\(msisdn ?? "")"
        case .balanceCredited: "\(id):credit:\(msisdn ?? "")"
        default: "\(id):audit:\(type.rawValue)"
        }
    }
    /// A timed-out payment parked for review: `…:dlq-timeout`.
    public static func deadLetterTimeout(_ id: TransactionID) -> String { "\(id):dlq-timeout" }
    /// A parked record, named by its origin, which is unique in Kafka: `dlq:payment-requests:7:1234`.
    public static func deadLetter(topic: String, partition: Int32, offset: Int64) -> String {
        "dlq:\(topic):\(partition):\(offset)"
    }
}
