import Foundation

/// One archived audit event as a query returns it: the columns a regulator reads plus the verbatim JSON.
public struct ArchivedEntry: Sendable, Hashable {
    /// The Kafka partition the event was read from.
    public let partition: Int32
    /// Its Kafka offset in that partition.
    public let offset: Int64
    /// Its position in the partition's hash chain (1, 2, 3 …).
    public let seq: Int64
    public let eventId: String
    public let transactionId: String
    public let eventType: String
    /// The service that recorded the fact, when the event names one.
    public let service: String?
    /// The event time, to the millisecond.
    public let timestamp: Date
    /// The record value exactly as it was on Kafka.
    public let json: String
    /// The month table that holds the entry, e.g. `audit_2024_09`.
    public let month: String

    public init(
        partition: Int32, offset: Int64, seq: Int64, eventId: String, transactionId: String, eventType: String,
        service: String?, timestamp: Date, json: String, month: String
    ) {
        self.partition = partition
        self.offset = offset
        self.seq = seq
        self.eventId = eventId
        self.transactionId = transactionId
        self.eventType = eventType
        self.service = service
        self.timestamp = timestamp
        self.json = json
        self.month = month
    }
}
