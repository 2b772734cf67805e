/// The seed's topic configuration as data.
///
/// Partition counts and retention are the seed's. Replication is the seed's 3 when the cluster has at
/// least 3 brokers and otherwise one per broker, so a 1-broker development cluster still works; with 3
/// or more brokers `min.insync.replicas=2` makes an `acks=all` write survive the loss of one broker,
/// which with fewer replicas would instead block every write.
///
/// `payment-dlq` is not configured in the seed. We give it 10 partitions (it carries failures, a small
/// fraction of the traffic, and only the dead-letter handler reads it) and 30 days of `delete`
/// retention, the same as `core-processing` and `payment-confirmations`, so that a parked payment can be
/// reviewed and replayed for as long as its other records exist.
public enum TopicCatalog {
    static let retentionKey = "retention.ms"
    static let cleanupPolicyKey = "cleanup.policy"
    static let minInsyncReplicasKey = "min.insync.replicas"

    private static let day: Int64 = 86_400_000

    /// Per topic: partitions, retention in ms, cleanup policy. Seven years is the seed's 220752000000 ms
    /// (2,555 days).
    public static func layout(of topic: Topic) -> (partitions: Int, retentionMilliseconds: Int64, cleanupPolicy: String) {
        switch topic {
        case .paymentRequests: (50, day, "delete")
        case .fraudAnalysis: (20, 7 * day, "delete")
        case .revenueValidation: (30, 7 * day, "delete")
        case .coreProcessing: (40, 30 * day, "delete")
        case .paymentConfirmations: (20, 30 * day, "delete")
        case .auditTrail: (100, 220_752_000_000, "compact")
        case .paymentDLQ: (10, 30 * day, "delete")
        }
    }

    /// The spec of `topic` on a cluster of `brokerCount` brokers (counts below 1 are treated as 1).
    public static func spec(for topic: Topic, brokerCount: Int) -> TopicSpec {
        let brokers = max(1, brokerCount)
        let layout = layout(of: topic)
        var configs = [
            retentionKey: String(layout.retentionMilliseconds),
            cleanupPolicyKey: layout.cleanupPolicy,
        ]
        if brokers >= 3 {
            configs[minInsyncReplicasKey] = "2"
        }
        return TopicSpec(
            name: topic.rawValue, partitions: layout.partitions, replicationFactor: min(3, brokers),
            configs: configs)
    }

    /// All seven topics, in the seed's order, for a cluster of `brokerCount` brokers.
    public static func topics(brokerCount: Int) -> [TopicSpec] {
        Topic.allCases.map { spec(for: $0, brokerCount: brokerCount) }
    }
}
