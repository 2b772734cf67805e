import ArgumentParser
import Foundation
import Kafka
import Payments

/// `pesagate topics`: creates the catalog's topics on a cluster and describes them as a table.
struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Create (--create) and describe the seed's topics on a Kafka cluster.",
        discussion: "Without --brokers it uses the address in <data>/kafka.bootstrap written by `pesagate broker` or `pesagate run`.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var kafka: KafkaOptions

    @Flag(help: "Create the catalog's topics (existing ones are left as they are).")
    var create = false

    func run() async throws {
        let settings = try await global.settings(extra: kafka.flags)
        let logger = ProcessLogging.bootstrap(level: settings.logLevel == "info" ? "warning" : settings.logLevel, format: settings.logFormat)
        let cluster = try ClusterAddress.resolve(settings, clientID: "pesagate-topics")
        let admin = try KafkaAdmin(cluster: cluster, logger: logger)
        defer { admin.close() }
        let brokers = try admin.brokerCount()
        let catalog = TopicCatalog.topics(brokerCount: brokers)
        if create {
            do {
                let outcome = try admin.createTopics(catalog.map(\.kafkaSpec))
                for name in outcome.keys.sorted() { print("\(name): \(outcome[name]!)") }
            } catch {
                print("create: \(error)")
            }
        }
        let described = try admin.describeTopics(catalog.map(\.name))
        print(TopicTable.render(catalog: catalog, described: described, brokers: brokers))
    }
}

extension DataDirectory {
    /// The data directory if it exists, without creating it.
    static func existing(_ path: String) -> DataDirectory? {
        FileManager.default.fileExists(atPath: path) ? try? DataDirectory(path: path) : nil
    }
}
