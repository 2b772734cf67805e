import ArgumentParser
import Foundation
import Kafka
import ServiceLifecycle

/// `pesagate broker`: hosts only the embedded Kafka cluster, so several processes can share it and the
/// cluster outlives them (scale-out and kill tests).
struct BrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "Host the embedded Kafka cluster with the seed's topics until Ctrl-C.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("brokers-count"), help: "Brokers of the embedded cluster (default 3).")
    var brokersCount: Int?

    func run() async throws {
        var extra: [String: (flag: String, value: String)] = [:]
        if let brokersCount { extra["kafka.embeddedBrokers"] = ("brokers-count", String(brokersCount)) }
        var settings = try await global.settings(extra: extra)
        settings.kafkaBrokers = ""  // this command is the embedded cluster
        let logger = ProcessLogging.bootstrap(level: settings.logLevel, format: settings.logFormat)
        let data = try DataDirectory(path: settings.dataDirectory)
        let kafka = try KafkaEnvironment.open(settings, clientID: "pesagate-broker", logger: logger)
        try data.write(DataDirectory.kafkaBootstrap, kafka.cluster.bootstrapServers)
        print("Kafka (embedded, \(settings.embeddedBrokers) brokers): \(kafka.cluster.bootstrapServers)")
        print("  written to \(data.file(DataDirectory.kafkaBootstrap)); topics: \(kafka.topics.keys.sorted().joined(separator: ", "))")
        for note in kafka.notes { print("  note: \(note)") }
        print("Ctrl-C stops the cluster.")
        fflush(nil)
        try await ServiceGroup.onSignals([UntilShutdown { kafka.shutdown() }], logger: logger).run()
    }
}
