import ArgumentParser
import Foundation
import Kafka
import ServiceLifecycle
import USSD

/// `pesagate run`: everything in one process with embedded defaults.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the gateway: Kafka (embedded unless --brokers), topics, and the services, until Ctrl-C.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var options: RunOptions

    func run() async throws {
        let settings = try await global.settings(extra: kafka.flags.merging(options.flags) { $1 })
        let logger = ProcessLogging.bootstrap(level: settings.logLevel)
        let data = try DataDirectory(path: settings.dataDirectory)

        // The gateway refuses to start on bad menus, with the compiler's file:line messages.
        let (_, diagnostics) = MenuCompiler.check(directory: URL(fileURLWithPath: settings.menusDirectory))
        guard diagnostics.isEmpty else {
            for diagnostic in diagnostics.sorted() { print(diagnostic) }
            throw ExitCode(1)
        }

        let kafkaEnvironment = try KafkaEnvironment.open(settings, clientID: "pesagate", logger: logger)
        try data.write(DataDirectory.kafkaBootstrap, kafkaEnvironment.cluster.bootstrapServers)
        let origin = kafkaEnvironment.embedded == nil ? "external" : "embedded, \(settings.embeddedBrokers) brokers"
        print("PesaGate is running.")
        print("  Kafka (\(origin)): \(kafkaEnvironment.cluster.bootstrapServers)  -> \(data.file(DataDirectory.kafkaBootstrap))")
        for note in kafkaEnvironment.notes { print("    note: \(note)") }
        print("  Menus: \(settings.menusDirectory) (checked)")
        print("Ctrl-C stops everything.")
        fflush(nil)
        try await ServiceGroup.onSignals([UntilShutdown { kafkaEnvironment.shutdown() }], logger: logger).run()
    }
}
