import ArgumentParser
import Foundation
import Kafka
import Logging
import ServiceLifecycle
import Services
import USSD

/// `pesagate run`: everything in one process with embedded defaults — Kafka cluster, topics, SMSC
/// simulator, every pipeline service, SMS notifications, the USSD endpoint, demo accounts.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the whole gateway until Ctrl-C: Kafka (embedded unless --brokers), SMSC (embedded unless --smsc), pipeline, SMS, USSD.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var options: RunOptions

    func run() async throws {
        let settings = try await global.settings(extra: kafka.flags.merging(options.flags) { $1 })
        let logger = ProcessLogging.bootstrap(level: settings.logLevel, format: settings.logFormat)
        let registry = MetricsSetup.bootstrap()
        let data = try DataDirectory(path: settings.dataDirectory)

        // The gateway refuses to start on bad menus, with the compiler's file:line messages.
        let menu: Menu
        do {
            menu = try MenuCompiler.compile(directory: URL(fileURLWithPath: settings.menusDirectory))
        } catch {
            print("\(error)")
            throw ExitCode(1)
        }

        let kafkaEnvironment = try KafkaEnvironment.open(settings, clientID: "pesagate", logger: logger)
        try data.write(DataDirectory.kafkaBootstrap, kafkaEnvironment.cluster.bootstrapServers)
        var services: [any Service] = [UntilShutdown { kafkaEnvironment.shutdown() }]

        let externalSMSC = !settings.smsc.isEmpty || !settings.smscLinksFile.isEmpty
        var smscAddress = settings.smsc
        if !externalSMSC {
            let smsc = try await EmbeddedSMSC.start(settings: settings, recordPath: data.file("smsc-messages.jsonl"), logger: logger)
            smscAddress = smsc.address
            services.append(smsc)
        }
        // Handsets bind to one SMSC: the first listed.
        let handsetSMSC = smscAddress.split(separator: ",").first.map(String.init) ?? ""
        if !handsetSMSC.isEmpty { try data.write(DataDirectory.smscAddress, handsetSMSC) }

        let ledger = try LedgerSetup.open(data)
        let seeded = try LedgerSetup.seedDemo(ledger)
        let factory = try PipelineSetup.factory(settings, kafka: kafkaEnvironment.cluster, ledger: ledger, data: data, logger: logger)
        services += try factory.services()
        let hub = AppNotificationHub()
        let notifications = try PipelineSetup.notifications(
            settings, smsc: smscAddress, kafka: kafkaEnvironment.cluster, producer: factory.producer, ledger: ledger,
            data: data, hub: hub, logger: logger)
        services.append(notifications)
        let board = factory.board
        let appTokens = AppNotificationTokens(secret: try SecretKeys.load(data: data).tokenKey)
        let ingress = try await GatewaySetup.http(settings, menu: menu, ledger: ledger, kafka: kafkaEnvironment.cluster,
                                                  tariffs: try factory.tariff(), logger: logger) { router in
            ObservabilityRoutes.add(to: router, registry: registry, board: board)
            AppNotificationRoutes.add(to: router, hub: hub, tokens: appTokens)
        }
        services += ingress.services
        let deadLetters = try factory.deadLetterStore()
        services.append(MetricsSampler(
            groups: MetricsSampler.watchedGroups(notifications: notifications.configuration.consumerGroup),
            kafka: kafkaEnvironment.cluster,
            outboxDepth: { try await notifications.outbox.pendingCount() },
            deadLetters: { try await deadLetters.count() },
            lagSink: { board.updateLag(group: $0, topic: $1, lag: $2) },
            interval: .seconds(5), logger: logger))

        let origin = kafkaEnvironment.embedded == nil ? "external" : "embedded, \(settings.embeddedBrokers) brokers"
        print("PesaGate is running.")
        print("  Kafka (\(origin)):  \(kafkaEnvironment.cluster.bootstrapServers)  -> \(data.file(DataDirectory.kafkaBootstrap))")
        for note in kafkaEnvironment.notes { print("    note: \(note)") }
        if settings.smscLinksFile.isEmpty {
            print("  SMSC (\(externalSMSC ? "external" : "embedded simulator")):  \(smscAddress)  -> \(data.file(DataDirectory.smscAddress))")
        } else {
            print("  SMSC links:  \(notifications.configuration.links.map { "\($0.name) \($0.esme.host):\($0.esme.port)" }.joined(separator: ", "))  (\(settings.smscLinksFile))")
        }
        print("  USSD callback:  \(ingress.ussdURL)   (service code \(settings.serviceCode))")
        print("  Dashboard:  \(ingress.baseURL)/   metrics: \(ingress.baseURL)/metrics")
        print("  App notifications (SSE):  \(ingress.baseURL)/notifications/MSISDN/events   token: pesagate accounts app-token MSISDN")
        print("  Pipeline: fraud, revenue, core, orchestrator, dead letters, archival, analytics, SMS notifications; data in \(data.path)")
        if seeded { print("  Demo accounts created: 254700123456 (Ksh25,000) and 254711987654 (Ksh8,500), PIN \(LedgerSetup.demoPIN)") }
        print("Dial in from another terminal:")
        print("  \(ingress.handsetCommand(smsc: handsetSMSC))")
        print("Ctrl-C stops everything.")
        fflush(nil)
        try await ServiceGroup.onSignals(services, logger: logger).run()
    }
}
