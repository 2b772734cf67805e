import ArgumentParser
import Kafka

/// Where the cluster is for tools: `--brokers`, or the address file of `pesagate broker`/`run`.
enum ClusterAddress {
    static func resolve(_ settings: Settings, clientID: String = "pesagate-cli") throws -> KafkaConfiguration {
        var brokers = settings.kafkaBrokers
        // The address file is written by `pesagate broker` or `run`, which host the embedded cluster.
        let embedded = brokers.isEmpty
        if brokers.isEmpty {
            guard let bootstrap = DataDirectory.existing(settings.dataDirectory)?.read(DataDirectory.kafkaBootstrap) else {
                throw ValidationError("no --brokers given and no \(settings.dataDirectory)/kafka.bootstrap: start `pesagate broker` or `pesagate run` first")
            }
            brokers = bootstrap
        }
        return settings.kafkaCluster(bootstrap: brokers, embedded: embedded, clientID: clientID)
    }
}
