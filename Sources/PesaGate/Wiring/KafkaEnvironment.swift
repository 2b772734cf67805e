import Foundation
import Kafka
import Logging
import Payments

/// The Kafka cluster the process works against: a real one (`--brokers`), or the embedded mock cluster
/// this process hosts. Either way the seed's topics exist once it is open.
struct KafkaEnvironment: Sendable {
    let cluster: KafkaConfiguration
    let embedded: EmbeddedCluster?
    /// How each catalog topic fared, for the start-up banner.
    let topics: [String: TopicCreation]

    /// Opens the configured cluster, or starts the embedded one when no brokers are configured.
    static func open(_ settings: Settings, clientID: String, logger: Logger) throws -> KafkaEnvironment {
        if settings.kafkaBrokers.isEmpty {
            let embedded = try EmbeddedCluster(brokers: settings.embeddedBrokers, logger: logger)
            var outcome: [String: TopicCreation] = [:]
            for spec in TopicCatalog.topics(brokerCount: settings.embeddedBrokers) {
                outcome[spec.name] = embedded.createTopic(spec.kafkaSpec)
            }
            let cluster = settings.kafkaCluster(bootstrap: embedded.bootstrapServers, embedded: true, clientID: clientID)
            return KafkaEnvironment(cluster: cluster, embedded: embedded, topics: outcome)
        }
        let cluster = settings.kafkaCluster(bootstrap: settings.kafkaBrokers, embedded: false, clientID: clientID)
        let admin = try KafkaAdmin(cluster: cluster, logger: logger)
        defer { admin.close() }
        let brokers = try admin.brokerCount()
        let outcome = try admin.createTopics(TopicCatalog.topics(brokerCount: brokers).map(\.kafkaSpec))
        return KafkaEnvironment(cluster: cluster, embedded: nil, topics: outcome)
    }

    /// A one-line summary per topic that did not simply get created, so nothing is dropped silently.
    var notes: [String] {
        var notes: [String] = []
        var unheld: [String: Set<String>] = [:]
        for name in topics.keys.sorted() {
            switch topics[name]! {
            case .created, .alreadyExisted: break
            case .createdWithoutConfigs(let keys): unheld[name] = Set(keys)
            case .failed(let reason): notes.append("\(name): creation failed: \(reason)")
            }
        }
        if !unheld.isEmpty {
            let keys = unheld.values.reduce(into: Set<String>()) { $0.formUnion($1) }.sorted()
            notes.append("the embedded cluster holds no topic configs: \(keys.joined(separator: ", ")) of \(unheld.count) topics are not applied (`pesagate topics` shows the catalog's values)")
        }
        return notes
    }

    func shutdown() { embedded?.shutdown() }
}

extension TopicSpec {
    var kafkaSpec: KafkaTopicSpec {
        KafkaTopicSpec(name: name, partitions: partitions, replicationFactor: replicationFactor, configs: configs)
    }
}
