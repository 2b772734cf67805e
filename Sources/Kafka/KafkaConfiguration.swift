/// How to reach a Kafka cluster. Everything librdkafka understands can be passed through `properties`
/// (`security.protocol`, `sasl.*`, `ssl.*`, …), so a TLS 1.3 + SASL/SCRAM cluster needs no code change.
public struct KafkaConfiguration: Sendable, Hashable {
    /// `host:port,host:port`: the bootstrap brokers (or the embedded cluster's address).
    public var bootstrapServers: String
    /// librdkafka properties passed through verbatim; they win over the defaults of this layer, except
    /// where a setting would be unsafe for payments (see `SafetyPolicy`).
    public var properties: [String: String]
    /// `client.id`, shown in broker logs and metrics.
    public var clientID: String
    /// `session.timeout.ms` for every consumer of this cluster, over each consumer's own default.
    /// On the embedded cluster it also paces every rebalance: the mock waits up to the session timeout
    /// less a second for members to rejoin, so a short one hands a dead member's partitions over sooner.
    public var consumerSessionTimeout: Duration?
    /// `fetch.wait.max.ms` for every consumer of this cluster, over each consumer's own default.
    public var consumerFetchWaitMax: Duration?

    public init(bootstrapServers: String, properties: [String: String] = [:], clientID: String = "pesagate") {
        self.bootstrapServers = bootstrapServers
        self.properties = properties
        self.clientID = clientID
    }

    /// The properties every client gets: address, id, and the pass-through set.
    func baseProperties() -> [String: String] {
        var props = ["bootstrap.servers": bootstrapServers, "client.id": clientID]
        props.merge(properties) { _, passedThrough in passedThrough }
        return props
    }
}

/// Settings of a producer. Defaults are the safe ones for payment topics: idempotent, `acks=all`.
public struct ProducerConfiguration: Sendable, Hashable {
    public var cluster: KafkaConfiguration
    /// librdkafka's `message.timeout.ms`: after this, a message that has no delivery report fails
    /// with `_MSG_TIMED_OUT`. The USSD hop keeps it inside its own time budget.
    public var messageTimeout: Duration = .seconds(30)
    /// `linger.ms`: how long to wait to fill a batch. Small, because payments are latency-bound.
    public var linger: Duration = .milliseconds(2)
    /// `queue.buffering.max.messages`: the bound on messages in flight; `send` waits when it is reached.
    public var maxInFlightMessages: Int = 100_000
    /// Extra librdkafka properties for this producer only.
    public var properties: [String: String] = [:]

    public init(cluster: KafkaConfiguration) {
        self.cluster = cluster
    }

    /// The full librdkafka property set, after refusing unsafe overrides.
    public func librdkafkaProperties() throws(KafkaError) -> [String: String] {
        var props = cluster.baseProperties()
        props["enable.idempotence"] = "true"
        props["acks"] = "all"
        props["message.timeout.ms"] = String(messageTimeout.milliseconds)
        props["linger.ms"] = String(linger.milliseconds)
        props["queue.buffering.max.messages"] = String(maxInFlightMessages)
        // Librdkafka's default partitioner (consistent_random) differs from the Java client's murmur2;
        // murmur2_random keeps keyed records on the same partitions as Java producers would.
        props["partitioner"] = "murmur2_random"
        props.merge(cluster.properties) { _, passedThrough in passedThrough }
        props.merge(properties) { _, override in override }
        try SafetyPolicy.checkProducer(props)
        return props
    }
}

/// Settings of a consumer group member.
public struct ConsumerConfiguration: Sendable, Hashable {
    public var cluster: KafkaConfiguration
    /// The consumer group (`group.id`), e.g. `fraud-management-cg`.
    public var groupID: String
    /// The topics to subscribe to.
    public var topics: [String]
    /// `fetch.wait.max.ms`. The embedded cluster holds an empty fetch for this long instead of answering
    /// when data arrives, so latency-bound consumers on it need a small value.
    public var fetchWaitMax: Duration = .milliseconds(10)
    /// `session.timeout.ms`: how long the group waits before declaring a silent member dead.
    public var sessionTimeout: Duration = .seconds(10)
    /// How often finished offsets are committed (and always on revoke and close).
    public var commitInterval: Duration = .milliseconds(500)
    /// Records handed out but not yet acknowledged; polling pauses at this bound (backpressure).
    public var maxInFlightRecords: Int = 10_000
    /// How long a revoke waits for handlers still working on the revoked partitions.
    public var revokeTimeout: Duration = .seconds(15)
    /// A rejected record is redelivered (by seeking back to it) after this pause.
    public var redeliveryBackoff: Duration = .milliseconds(500)
    /// Topics whose offsets may legitimately have gaps (compacted topics such as `audit-trail`); no
    /// truncation alarm is raised for them.
    public var compactedTopics: Set<String> = []
    /// Extra librdkafka properties for this consumer only.
    public var properties: [String: String] = [:]

    public init(cluster: KafkaConfiguration, groupID: String, topics: [String]) {
        self.cluster = cluster
        self.groupID = groupID
        self.topics = topics
    }

    /// The full librdkafka property set, after refusing unsafe overrides.
    public func librdkafkaProperties() throws(KafkaError) -> [String: String] {
        var props = cluster.baseProperties()
        props["group.id"] = groupID
        // The seed's groups all start from the earliest record: nothing published is ever skipped.
        props["auto.offset.reset"] = "earliest"
        // Offsets are committed by this layer, only for records whose handler finished.
        props["enable.auto.commit"] = "false"
        props["enable.auto.offset.store"] = "false"
        // Incremental rebalancing: the only protocol that rebalanced promptly on the embedded cluster.
        props["partition.assignment.strategy"] = "cooperative-sticky"
        let sessionTimeout = cluster.consumerSessionTimeout ?? sessionTimeout
        props["fetch.wait.max.ms"] = String((cluster.consumerFetchWaitMax ?? fetchWaitMax).milliseconds)
        props["session.timeout.ms"] = String(sessionTimeout.milliseconds)
        // Frequent enough that a rebalance sees every live member rejoin well before it gives up on them.
        props["heartbeat.interval.ms"] = String(max(100, sessionTimeout.milliseconds / 10))
        // librdkafka 2.0.x stops fetching from a broker once its prefetch queue holds queued.min.messages
        // (default 100,000) and looks again only when that broker's thread next wakes, up to a second
        // later: a consumer draining a backlog stalled for ~0.9 s (measured on the embedded cluster).
        // A message count out of reach leaves the byte bound (queued.max.messages.kbytes, 64 MiB by
        // default) as the limit on prefetched memory.
        props["queued.min.messages"] = "10000000"
        props.merge(cluster.properties) { _, passedThrough in passedThrough }
        props.merge(properties) { _, override in override }
        try SafetyPolicy.checkConsumer(props)
        return props
    }
}

extension Duration {
    /// Whole milliseconds, as librdkafka's `*.ms` properties want them.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
