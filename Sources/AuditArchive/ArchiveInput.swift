/// One Kafka record of `audit-trail` as the archive receives it from the consumer service.
///
/// The archive owns no Kafka code: the consumer hands over the record's coordinates and bytes, and the
/// archive decides from (`partition`, `offset`) alone whether it has seen the record before. `value`
/// stays raw bytes so that a record that is not even UTF-8 can still be kept as evidence.
public struct ArchiveInput: Sendable, Hashable {
    /// The Kafka partition of `audit-trail`; each one has its own hash chain.
    public let partition: Int32
    /// The record's offset in its partition; offsets only grow, so a lower one is a redelivery.
    public let offset: Int64
    /// The record key: the event's `eventId` (the topic is compacted by it).
    public let key: String
    /// The UTF-8 JSON of the audit event, stored verbatim.
    public let value: [UInt8]

    public init(partition: Int32, offset: Int64, key: String, value: [UInt8]) {
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
    }
}
