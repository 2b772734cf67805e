import Kafka

extension Settings {
    /// How this process reaches a cluster at `bootstrap`: the pass-through properties and the
    /// consumer timings of the settings. `embedded` is true for librdkafka's mock cluster (hosted by
    /// this process or by `pesagate broker`), whose rebalances a shorter session timeout speeds up.
    func kafkaCluster(bootstrap: String, embedded: Bool, clientID: String) -> KafkaConfiguration {
        var cluster = KafkaConfiguration(bootstrapServers: bootstrap, properties: kafkaProperties, clientID: clientID)
        cluster.consumerSessionTimeout = .milliseconds(sessionTimeoutMs ?? (embedded ? 4_000 : 10_000))
        cluster.consumerFetchWaitMax = fetchWaitMaxMs.map { .milliseconds($0) }
        return cluster
    }
}
