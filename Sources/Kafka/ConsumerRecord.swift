/// A record read by a consumer. Hand it back to the consumer (`acknowledge`/`reject`) when done, so the
/// offset is committed only once the work it caused is finished.
public struct ConsumerRecord: Sendable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public var key: [UInt8]?
    public var value: [UInt8]
    public var headers: [KafkaHeader]
    /// Milliseconds since the epoch as the broker or producer stamped it, if known.
    public var timestampMilliseconds: Int64?
    /// Which assignment of this partition delivered the record; a record from a revoked assignment is
    /// not acknowledged against the new one.
    var assignmentEpoch: UInt64
    /// Where the consumer's offset tracker keeps this record's partition (-1: look it up by name).
    var trackerSlot: Int = -1
    /// The consumer's generation when the record was handed out: while it has not moved, no assignment,
    /// seek or failure can have made the record stale, and checking that needs no lock.
    var deliveryGeneration: UInt64 = 0

    public var keyString: String? { key.flatMap { String(validating: $0, as: UTF8.self) } }

    /// `topic/partition@offset`: how logs and dead letters name a record.
    public var coordinates: String { "\(topic)/\(partition)@\(offset)" }
}

/// A topic and partition, the unit of assignment and of offset tracking.
public struct TopicPartition: Sendable, Hashable, CustomStringConvertible {
    public var topic: String
    public var partition: Int32

    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    public var description: String { "\(topic)/\(partition)" }
}
