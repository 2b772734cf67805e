import ArgumentParser
import Foundation
import Hummingbird
import Ledger
import ServiceLifecycle
import Services

/// `pesagate service NAME`: one pipeline service against a shared cluster. Several processes of the
/// same service share the work through its consumer group (scale-out, and kill -9 tests).
struct ServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Run one service (fraud, revenue, core, orchestrator, dlq, archival, analytics, notifications) against --brokers or <data>/kafka.bootstrap.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var kafka: KafkaOptions

    @Argument(help: "fraud, revenue, core, orchestrator, dlq, archival, analytics or notifications.")
    var name: String

    @Option(help: "SMSC host:port for notifications (default: <data>/smsc.address).")
    var smsc: String?

    @Option(name: .customLong("metrics-port"), help: "Serve Prometheus metrics at http://<http.host>:PORT/metrics (default: off).")
    var metricsPort: Int?

    func validate() throws {
        guard PipelineServiceFactory.Name(rawValue: name) != nil || name == "notifications" else {
            throw ValidationError("unknown service \(name): use fraud, revenue, core, orchestrator, dlq, archival, analytics or notifications")
        }
    }

    func run() async throws {
        var extra = kafka.flags
        if let smsc { extra["smpp.smsc"] = ("smsc", smsc) }
        let settings = try await global.settings(extra: extra)
        let logger = ProcessLogging.bootstrap(level: settings.logLevel, format: settings.logFormat)
        let registry = metricsPort.map { _ in MetricsSetup.bootstrap() }
        let data = try DataDirectory(path: settings.dataDirectory)
        let cluster = try ClusterAddress.resolve(settings)
        let ledger = try LedgerSetup.open(data)
        let factory = try PipelineSetup.factory(settings, kafka: cluster, ledger: ledger, data: data, logger: logger)
        var services: [any Service]
        if let pipelineName = PipelineServiceFactory.Name(rawValue: name) {
            services = try factory.services([pipelineName])
        } else {
            let address = settings.smsc.isEmpty ? data.read(DataDirectory.smscAddress) ?? "" : settings.smsc
            guard !address.isEmpty || !settings.smscLinksFile.isEmpty else {
                throw ValidationError("no --smsc, no smpp.linksFile and no \(data.file(DataDirectory.smscAddress))")
            }
            services = [factory.producer, try PipelineSetup.notifications(
                settings, smsc: address, kafka: cluster, producer: factory.producer, ledger: ledger, data: data,
                hub: AppNotificationHub(), logger: logger)]
        }
        if let registry, let metricsPort {
            let router = Router()
            ObservabilityRoutes.addMetrics(to: router, registry: registry)
            services.append(Application(
                router: router, configuration: .init(address: .hostname(settings.httpHost, port: metricsPort)), logger: logger))
            print("service \(name): metrics at http://\(settings.httpHost):\(metricsPort)/metrics")
        }
        print("service \(name): Kafka \(cluster.bootstrapServers), data \(data.path). Ctrl-C stops it.")
        fflush(nil)
        try await ServiceGroup.onSignals(services, logger: logger).run()
    }
}
