import Analytics
import AuditArchive
import Foundation
import Kafka
import Ledger
import Logging
import Messaging
import Payments
import ServiceLifecycle

/// Builds the pipeline's services for `pesagate run` (all of them) and `pesagate service NAME` (one).
///
/// All services of a process share one idempotent producer, ``producer``: put it in the `ServiceGroup`
/// BEFORE the services, so that it shuts down after them (a ServiceGroup stops in reverse start order)
/// and every answer of a handler in flight is still delivered. ``services(_:)`` returns them in that order.
public struct PipelineServiceFactory: Sendable {
    /// The services by their CLI name (`pesagate service NAME`).
    public enum Name: String, Sendable, CaseIterable {
        case fraud, revenue, core, orchestrator, dlq, archival, analytics
    }

    public let configuration: PipelineConfiguration
    public let kafka: KafkaConfiguration
    public let ledger: LedgerDatabase
    public let logger: Logger
    /// Directory the configuration's relative store paths are resolved in (the CLI's `--data`).
    public let dataDirectory: String?
    public let producer: KafkaProducer
    public let metrics: PipelineMetrics
    /// What the analytics service counts and the dashboard shows.
    public let board = AnalyticsBoard()
    let clock: any PipelineClock

    public init(
        configuration: PipelineConfiguration, kafka: KafkaConfiguration, ledger: LedgerDatabase, logger: Logger,
        dataDirectory: String? = nil, metrics: PipelineMetrics = PipelineMetrics(),
        clock: any PipelineClock = SystemPipelineClock()
    ) throws {
        self.configuration = configuration
        self.kafka = kafka
        self.ledger = ledger
        self.logger = logger
        self.dataDirectory = dataDirectory
        self.metrics = metrics
        self.clock = clock
        self.producer = try KafkaProducer(configuration: ProducerConfiguration(cluster: kafka), logger: logger)
    }

    /// The shared producer followed by the named services, ready for a `ServiceGroup`.
    public func services(_ names: [Name] = Name.allCases) throws -> [any Service] {
        var services: [any Service] = [producer]
        for name in names {
            switch name {
            case .fraud: services.append(try fraud())
            case .revenue: services.append(try revenue())
            case .core: services.append(try core())
            case .orchestrator: services.append(try orchestrator())
            case .dlq: services.append(try deadLetterHandler())
            case .archival: services.append(try archival())
            case .analytics: services.append(try analytics())
            }
        }
        return services
    }

    public func fraud() throws -> FraudService {
        let rules = try loadOrDefault(configuration.fraudRulesPath, FraudRules.load, FraudRules.default)
        let failover = FraudFailover(
            primary: FraudScorer(rules: rules), backup: BackupFraudEngine(rules: rules.backup),
            primaryEnabled: configuration.primaryFraudEngineEnabled, metrics: metrics, logger: logger)
        let processor = FraudProcessor(
            publisher: publisher, answers: try answerStore(), failover: failover, historyLimit: rules.historyLimit,
            metrics: metrics, clock: clock)
        return FraudService(
            consumer: try consumer(FraudService.consumerGroup), processor: processor,
            recordGuard: recordGuard("fraud-management"))
    }

    public func revenue() throws -> RevenueService {
        let processor = RevenueProcessor(
            publisher: publisher, answers: try answerStore(), ledger: ledger, tariff: try tariff(), metrics: metrics,
            clock: clock)
        return RevenueService(
            consumer: try consumer(RevenueService.consumerGroup), processor: processor,
            recordGuard: recordGuard("revenue-management"))
    }

    public func core() throws -> CoreService {
        let processor = CoreProcessor(
            ledger: ledger, tariff: try tariff(), publisher: publisher, outboxBatchSize: configuration.outboxBatchSize,
            clock: clock, logger: logger)
        return CoreService(
            consumer: try consumer(CoreService.consumerGroup), processor: processor, recordGuard: recordGuard("mpesa-core"))
    }

    public func orchestrator() throws -> OrchestratorService {
        let ledger = self.ledger
        let orchestrator = Orchestrator(
            store: try joinStore(), clock: clock, timeout: configuration.decisionTimeout,
            lateAnswerGrace: configuration.lateAnswerGrace, completionAlertAfter: configuration.completionAlertAfter, metrics: metrics, logger: logger,
            trail: PaymentAuditTrail(identify: { ledger.auditParty($0) }),
            recipientName: { number in
                if let msisdn = try? MSISDN(parsing: number), let subscriber = (try? ledger.subscriber(msisdn)) ?? nil {
                    return subscriber.name
                }
                // Tills, paybills and agents: the business's registered name, as the SMS names it.
                for kind in [AccountKind.till, .paybill, .agent] {
                    if let account = (try? ledger.account(kind: kind, number: number)) ?? nil { return account.name }
                }
                return nil
            })
        return OrchestratorService(
            consumer: try consumer(OrchestratorService.consumerGroup), orchestrator: orchestrator, publisher: publisher,
            recordGuard: recordGuard("payment-orchestrator"), timerInterval: configuration.timerInterval, clock: clock,
            logger: logger)
    }

    public func deadLetterHandler() throws -> DLQService {
        var config = ConsumerConfiguration(cluster: kafka, groupID: DLQService.consumerGroup, topics: [Topic.paymentDLQ.name])
        config.fetchWaitMax = .milliseconds(10)
        return DLQService(
            consumer: try KafkaConsumer(configuration: config, logger: logger), store: try deadLetterStore(),
            alarm: alarm, publisher: publisher, clock: clock, logger: logger)
    }

    public func archival() throws -> ArchivalService {
        var config = ConsumerConfiguration(cluster: kafka, groupID: ArchivalService.consumerGroup, topics: [Topic.auditTrail.name])
        config.fetchWaitMax = .milliseconds(50)
        return ArchivalService(
            consumer: try KafkaConsumer(configuration: config, logger: logger), archive: try auditArchive(), logger: logger)
    }

    /// The compliance archive (`pesagate audit` reads it too).
    public func auditArchive() throws -> AuditArchive {
        try AuditArchive(path: path(configuration.auditArchivePath))
    }

    public func analytics() throws -> AnalyticsService {
        var config = ConsumerConfiguration(
            cluster: kafka, groupID: AnalyticsService.consumerGroup, topics: AnalyticsService.topics.map(\.name))
        config.fetchWaitMax = .milliseconds(50)
        return AnalyticsService(consumer: try KafkaConsumer(configuration: config, logger: logger), board: board)
    }

    /// `pesagate dlq replay` (uses the shared producer: run it, or close it when done).
    public func replayer() throws -> DeadLetterReplayer {
        DeadLetterReplayer(store: try deadLetterStore(), joins: try joinStore(), publisher: publisher, clock: clock)
    }

    /// `pesagate dlq list`.
    public func deadLetterStore() throws -> DeadLetterStore {
        try DeadLetterStore.open(path: path(configuration.deadLetterStorePath))
    }

    public func joinStore() throws -> JoinStore {
        try JoinStore.open(path: path(configuration.orchestratorStorePath))
    }

    // MARK: Parts

    var publisher: EventPublisher { EventPublisher(producer: producer) }

    var alarm: FailureAlarm {
        FailureAlarm(
            threshold: configuration.alertThreshold, window: configuration.alertWindow, metrics: metrics, logger: logger)
    }

    func recordGuard(_ service: String) -> RecordGuard {
        RecordGuard(
            service: service, policy: configuration.retryPolicy, publisher: publisher, alarm: alarm, metrics: metrics,
            clock: clock, logger: logger)
    }

    func consumer(_ group: ConsumerGroupSpec) throws -> KafkaConsumer {
        let config = ConsumerConfiguration(cluster: kafka, groupID: group.name, topics: group.topics.map(\.name))
        return try KafkaConsumer(configuration: config, logger: logger)
    }

    func answerStore() throws -> AnswerStore {
        try AnswerStore.open(path: path(configuration.answerStorePath))
    }

    /// The tariff table revenue charges by; the USSD confirm screen quotes from the same one.
    public func tariff() throws -> TariffTable {
        try loadOrDefault(configuration.tariffsPath, TariffTable.load, TariffTable.default)
    }

    func path(_ relative: String) -> String {
        configuration.resolved(relative, in: dataDirectory)
    }

    /// Loads a config file; falls back to the built-in default only when the file does not exist (a
    /// file that exists but is invalid is an error: running on rules nobody wrote would be worse).
    private func loadOrDefault<T>(_ path: String, _ load: (String) throws -> T, _ fallback: T) throws -> T {
        guard FileManager.default.fileExists(atPath: path) else {
            logger.notice("\(path) not found; using the built-in default")
            return fallback
        }
        return try load(path)
    }
}
