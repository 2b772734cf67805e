import CRdKafka
import Logging

/// Topic administration and group lag on a cluster: create the catalog's topics idempotently with
/// their configs, describe topics (partitions, leaders, configs), and measure consumer-group lag.
public final class KafkaAdmin: Sendable {
    private let handle: RDKafkaHandle
    private let cluster: KafkaConfiguration
    private let logger: Logger

    public init(cluster: KafkaConfiguration, logger: Logger) throws(KafkaError) {
        self.cluster = cluster
        self.logger = logger
        handle = try RDKafkaHandle(type: RD_KAFKA_PRODUCER, properties: cluster.baseProperties(),
                                   callbacks: RDKafkaCallbacks(logger: logger))
    }

    /// Creates topics with their configs; topics that exist already are fine (`alreadyExisted`).
    /// Fails with a clear error when the cluster does not implement CreateTopics (the embedded one).
    public func createTopics(_ specs: [KafkaTopicSpec], timeout: Duration = .seconds(30)) throws(KafkaError) -> [String: TopicCreation] {
        var newTopics: [OpaquePointer?] = []
        defer { newTopics.forEach { rd_kafka_NewTopic_destroy($0) } }
        var errstr = [CChar](repeating: 0, count: 512)
        for spec in specs {
            guard let topic = rd_kafka_NewTopic_new(spec.name, Int32(spec.partitions), Int32(spec.replicationFactor),
                                                    &errstr, errstr.count) else {
                throw .configuration("topic \(spec.name): \(errorText(errstr))")
            }
            for (key, value) in spec.configs.sorted(by: { $0.key < $1.key }) {
                _ = rd_kafka_NewTopic_set_config(topic, key, value)
            }
            newTopics.append(topic)
        }
        let queue = rd_kafka_queue_new(handle.pointer)
        defer { rd_kafka_queue_destroy(queue) }
        let options = rd_kafka_AdminOptions_new(handle.pointer, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        _ = rd_kafka_AdminOptions_set_request_timeout(options, Int32(timeout.milliseconds), &errstr, errstr.count)
        rd_kafka_CreateTopics(handle.pointer, &newTopics, newTopics.count, options, queue)
        guard let event = rd_kafka_queue_poll(queue, Int32(timeout.milliseconds) + 1000) else {
            throw KafkaError(RD_KAFKA_RESP_ERR__TIMED_OUT, "CreateTopics got no answer (the embedded cluster does not implement it: `pesagate broker` creates its topics at start)")
        }
        defer { rd_kafka_event_destroy(event) }
        if rd_kafka_event_error(event) != RD_KAFKA_RESP_ERR_NO_ERROR {
            let reason = String(cString: rd_kafka_event_error_string(event))
            throw KafkaError(rd_kafka_event_error(event), "CreateTopics failed: \(reason)")
        }
        var count = 0
        let result = rd_kafka_event_CreateTopics_result(event)
        guard let topics = rd_kafka_CreateTopics_result_topics(result, &count) else { return [:] }
        var outcome: [String: TopicCreation] = [:]
        for index in 0..<count {
            let topic = topics[index]
            let name = String(cString: rd_kafka_topic_result_name(topic))
            switch rd_kafka_topic_result_error(topic) {
            case RD_KAFKA_RESP_ERR_NO_ERROR: outcome[name] = .created
            case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS: outcome[name] = .alreadyExisted
            default: outcome[name] = .failed(rd_kafka_topic_result_error_string(topic).map { String(cString: $0) } ?? "unknown error")
            }
        }
        return outcome
    }

    /// Describes topics from the cluster's metadata (all topics when `names` is nil), with their configs
    /// where the cluster can report them.
    public func describeTopics(_ names: [String]? = nil, includeConfigs: Bool = true,
                               timeout: Duration = .seconds(10)) throws(KafkaError) -> [TopicDescription] {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let err = rd_kafka_metadata(handle.pointer, 1, nil, &metadata, Int32(timeout.milliseconds))
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else { throw KafkaError(err, "metadata request") }
        defer { rd_kafka_metadata_destroy(metadata) }
        var descriptions: [TopicDescription] = []
        for t in 0..<Int(metadata.pointee.topic_cnt) {
            let topic = metadata.pointee.topics[t]
            let name = String(cString: topic.topic)
            if let names, !names.contains(name) { continue }
            if names == nil, name.hasPrefix("__") { continue }
            let partitions = (0..<Int(topic.partition_cnt)).map { p in
                let partition = topic.partitions[p]
                return PartitionDescription(
                    id: partition.id, leader: partition.leader,
                    replicas: (0..<Int(partition.replica_cnt)).map { partition.replicas[$0] },
                    inSyncReplicas: (0..<Int(partition.isr_cnt)).map { partition.isrs[$0] })
            }
            descriptions.append(TopicDescription(name: name, partitions: partitions.sorted { $0.id < $1.id }, configs: nil))
        }
        if includeConfigs {
            for index in descriptions.indices {
                descriptions[index].configs = try? describeConfigs(of: descriptions[index].name)
            }
        }
        return descriptions.sorted { $0.name < $1.name }
    }

    /// How many brokers the cluster has: the replication factor of new topics is min(3, brokers).
    public func brokerCount(timeout: Duration = .seconds(10)) throws(KafkaError) -> Int {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let err = rd_kafka_metadata(handle.pointer, 0, nil, &metadata, Int32(timeout.milliseconds))
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else { throw KafkaError(err, "metadata request") }
        defer { rd_kafka_metadata_destroy(metadata) }
        return Int(metadata.pointee.broker_cnt)
    }

    /// The topic's configs as the cluster reports them (DescribeConfigs). Not answered by the embedded cluster.
    public func describeConfigs(of topic: String, timeout: Duration = .seconds(3)) throws(KafkaError) -> [String: String] {
        var resources: [OpaquePointer?] = [rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, topic)]
        defer { resources.forEach { rd_kafka_ConfigResource_destroy($0) } }
        let queue = rd_kafka_queue_new(handle.pointer)
        defer { rd_kafka_queue_destroy(queue) }
        var errstr = [CChar](repeating: 0, count: 512)
        let options = rd_kafka_AdminOptions_new(handle.pointer, RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        _ = rd_kafka_AdminOptions_set_request_timeout(options, Int32(timeout.milliseconds), &errstr, errstr.count)
        rd_kafka_DescribeConfigs(handle.pointer, &resources, 1, options, queue)
        guard let event = rd_kafka_queue_poll(queue, Int32(timeout.milliseconds) + 500) else {
            throw KafkaError(RD_KAFKA_RESP_ERR__TIMED_OUT, "DescribeConfigs for \(topic)")
        }
        defer { rd_kafka_event_destroy(event) }
        guard rd_kafka_event_error(event) == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(rd_kafka_event_error(event), "DescribeConfigs for \(topic)")
        }
        var count = 0
        let result = rd_kafka_event_DescribeConfigs_result(event)
        guard let described = rd_kafka_DescribeConfigs_result_resources(result, &count), count > 0 else { return [:] }
        var entryCount = 0
        guard let entries = rd_kafka_ConfigResource_configs(described[0], &entryCount) else { return [:] }
        var configs: [String: String] = [:]
        for index in 0..<entryCount {
            let entry = entries[index]
            let name = String(cString: rd_kafka_ConfigEntry_name(entry))
            configs[name] = rd_kafka_ConfigEntry_value(entry).map { String(cString: $0) }
        }
        return configs
    }

    /// Lag of `group` on every partition of `topics`: committed offset against the log end.
    public func lag(group: String, topics: [String], timeout: Duration = .seconds(10)) throws(KafkaError) -> [PartitionLag] {
        let described = try describeTopics(topics, includeConfigs: false, timeout: timeout)
        var props = cluster.baseProperties()
        props["group.id"] = group
        props["enable.auto.commit"] = "false"
        let reader = try RDKafkaHandle(type: RD_KAFKA_CONSUMER, properties: props, callbacks: RDKafkaCallbacks(logger: logger))
        defer { reader.destroy() }
        let partitions = described.flatMap { topic in topic.partitions.map { TopicPartition(topic: topic.name, partition: $0.id) } }
        let list = RDPartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_committed(reader.pointer, list, Int32(timeout.milliseconds))
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(err, "committed offsets of \(group)") }
        return RDPartitionList.read(list).map { partition, committed in
            var low: Int64 = 0
            var high: Int64 = 0
            _ = rd_kafka_query_watermark_offsets(reader.pointer, partition.topic, partition.partition, &low, &high,
                                                 Int32(timeout.milliseconds))
            return PartitionLag(partition: partition, committed: committed >= 0 ? committed : nil, logStart: low, logEnd: high)
        }
    }

    public func close() { handle.destroy() }
}
