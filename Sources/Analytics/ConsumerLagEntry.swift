/// The lag of one consumer group on one topic, as last reported.
public struct ConsumerLagEntry: Sendable, Hashable, Codable {
    public let group: String
    public let topic: String
    /// Messages the group has yet to process on the topic, summed over partitions.
    public let lag: Int64
    /// Against the seed's `kafka-consumer-lag` numbers.
    public let status: KPIStatus

    public init(group: String, topic: String, lag: Int64) {
        self.group = group
        self.topic = topic
        self.lag = lag
        self.status = KPIThreshold.kafkaConsumerLag.status(of: Double(lag))
    }
}
