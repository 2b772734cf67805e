/// A topic to create: partitions, replication, and configs such as `retention.ms` and `cleanup.policy`.
public struct KafkaTopicSpec: Sendable, Hashable {
    public var name: String
    public var partitions: Int
    public var replicationFactor: Int
    public var configs: [String: String]

    public init(name: String, partitions: Int, replicationFactor: Int, configs: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.configs = configs
    }
}

/// What happened to one topic of a create request.
public enum TopicCreation: Sendable, Equatable {
    case created
    case alreadyExisted
    /// Created on the embedded cluster, which cannot hold these configs: they are stated, not dropped silently.
    case createdWithoutConfigs([String])
    case failed(String)
}

/// One partition as the cluster's metadata describes it.
public struct PartitionDescription: Sendable, Hashable {
    public var id: Int32
    public var leader: Int32
    public var replicas: [Int32]
    public var inSyncReplicas: [Int32]
}

/// A topic as the cluster describes it.
public struct TopicDescription: Sendable, Hashable {
    public var name: String
    public var partitions: [PartitionDescription]
    /// Topic configs, when the cluster answers DescribeConfigs (the embedded cluster does not).
    public var configs: [String: String]?
}

/// How far a consumer group is behind on one partition.
public struct PartitionLag: Sendable, Hashable {
    public var partition: TopicPartition
    /// The group's committed offset, nil when it has committed nothing yet.
    public var committed: Int64?
    public var logStart: Int64
    public var logEnd: Int64
    /// Records not yet committed by the group (from the log start when nothing was committed).
    public var lag: Int64 { logEnd - max(committed ?? logStart, logStart) }
}
