/// What a topic should look like on a cluster: what the admin client creates and checks.
public struct TopicSpec: Sendable, Hashable, Codable {
    public let name: String
    public let partitions: Int
    public let replicationFactor: Int
    /// Kafka topic configs: `retention.ms`, `cleanup.policy`, and `min.insync.replicas` when the cluster
    /// is big enough for it.
    public let configs: [String: String]

    public init(name: String, partitions: Int, replicationFactor: Int, configs: [String: String]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.configs = configs
    }

    /// `retention.ms` as a number, if set.
    public var retentionMilliseconds: Int64? { configs[TopicCatalog.retentionKey].flatMap { Int64($0) } }
    /// `cleanup.policy`, if set.
    public var cleanupPolicy: String? { configs[TopicCatalog.cleanupPolicyKey] }
}
