import Foundation
import Kafka
import Ledger
import Logging
import Messaging
import Payments
import ServiceLifecycle
import Services
import Synchronization
import XCTest

/// The seed's story end to end: the four services and the dead-letter handler in-process on an embedded
/// cluster, one payment request (and one undecodable record) produced, and every step checked on its topic.
final class PipelineEndToEndTests: XCTestCase {
    /// Everything the observer saw, by topic.
    final class Observed: Sendable {
        private let records = Mutex<[(topic: String, value: Data)]>([])
        func append(_ topic: String, _ value: [UInt8]) { records.withLock { $0.append((topic, Data(value))) } }
        func values(_ topic: Topic) -> [Data] { records.withLock { $0.filter { $0.topic == topic.name }.map(\.value) } }
    }

    func testSeedPayment_tellsTheSeedsStoryOnTheTopics() async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: .quiet)
        defer { cluster.shutdown() }
        for topic in Topic.allCases {
            let spec = TopicCatalog.spec(for: topic, brokerCount: 1)
            _ = cluster.createTopic(KafkaTopicSpec(
                name: spec.name, partitions: min(spec.partitions, 8), replicationFactor: 1, configs: spec.configs))
        }
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var configuration = PipelineConfiguration()
        configuration.fraudRulesPath = ConfigFiles.fraudRules
        configuration.tariffsPath = ConfigFiles.tariffs
        let ledger = try Seed.ledger()
        let factory = try PipelineServiceFactory(
            configuration: configuration, kafka: kafka, ledger: ledger, logger: .quiet, dataDirectory: directory.path)
        let services = try factory.services([.fraud, .revenue, .core, .orchestrator, .dlq])

        let observed = Observed()
        let observer = try KafkaConsumer(
            configuration: ConsumerConfiguration(
                cluster: kafka, groupID: "e2e-observer",
                topics: [Topic.fraudAnalysis, .revenueValidation, .coreProcessing, .paymentConfirmations, .auditTrail].map(\.name)),
            logger: .quiet)

        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: (services + [observer]).map { .init(service: $0) }, logger: .quiet))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                await observer.consume { record in observed.append(record.topic, record.value) }
            }
            let producer = try KafkaProducer(configuration: ProducerConfiguration(cluster: kafka), logger: .quiet)
            defer { producer.close() }
            // A record no service can decode: each of the four readers of payment-requests parks it.
            _ = try await producer.send(ProducerRecord(topic: Topic.paymentRequests.name, key: "254799000000", value: Array("{oops".utf8)))
            try await EventPublisher(producer: producer).publish(
                OutgoingEvent(Seed.request(), topic: .paymentRequests, key: Seed.john.value, trace: .start()))
            let deadLetters = try factory.deadLetterStore()

            let done = await eventually(timeout: .seconds(45)) {
                !observed.values(.paymentConfirmations).isEmpty && observed.values(.auditTrail).count >= 2
            }
            var listed: [DeadLetterStore.Entry] = []
            for _ in 0..<200 {
                listed = try await deadLetters.list()
                if listed.count >= 4 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            XCTAssertEqual(listed.map(\.envelope.kind), Array(repeating: .poison, count: 4))
            XCTAssertEqual(Set(listed.compactMap(\.envelope.service)),
                           ["fraud-management", "revenue-management", "mpesa-core", "payment-orchestrator"])
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            XCTAssertTrue(done, "no confirmation within 45 s")
        }
        try assertSeedStory(observed)
        XCTAssertTrue(try ledger.checkInvariants().isHealthy)
        XCTAssertEqual(try ledger.balance(of: Seed.john), 19_985)
        XCTAssertEqual(try ledger.balance(of: Seed.mary), 13_500)
    }

    private func assertSeedStory(_ observed: Observed) throws {
        let fraud = try observed.values(.fraudAnalysis).map { try EventCoding.decode(FraudResult.self, from: $0) }
        XCTAssertEqual(fraud.map(\.decision), [.approved])
        XCTAssertEqual(fraud.first?.fraudSystemId, "FMS-001")

        let revenue = try observed.values(.revenueValidation).map { try EventCoding.decode(RevenueResult.self, from: $0) }
        XCTAssertEqual(revenue.map(\.decision), [.approved])
        XCTAssertEqual(revenue.first?.calculatedFee, 15)
        XCTAssertEqual(revenue.first?.accountBalance, 25_000)
        XCTAssertEqual(revenue.first?.remainingBalance, 19_985)

        let core = try observed.values(.coreProcessing).map { try CoreProcessingRecord.decode(from: $0) }
        let results = core.compactMap { if case let .result(r) = $0 { r } else { nil } }
        let completions = core.compactMap { if case let .completion(c) = $0 { c } else { nil } }
        let commands = core.compactMap { if case let .command(c) = $0 { c } else { nil } }
        XCTAssertEqual(results.map(\.coreStatus), [.reserved])
        XCTAssertNotNil(results.first?.reservationId)
        XCTAssertEqual(commands.map(\.command), [.execute])
        XCTAssertEqual(completions.count, 1)
        XCTAssertEqual(completions.first?.debitedAmount, 5_015)
        XCTAssertEqual(completions.first?.creditedAmount, 5_000)
        XCTAssertEqual(completions.first?.transactionFee, 15)
        XCTAssertEqual(completions.first?.debitAccount, "254700123456")
        XCTAssertEqual(completions.first?.creditAccount, "254711987654")

        let confirmations = try observed.values(.paymentConfirmations).map {
            try EventCoding.decode(PaymentConfirmation.self, from: $0)
        }
        XCTAssertEqual(confirmations.map(\.finalStatus), [.completed])
        XCTAssertEqual(confirmations.first?.amount, 5_000)
        XCTAssertEqual(confirmations.first?.fee, 15)
        XCTAssertEqual(confirmations.first?.senderNewBalance, 19_985)
        XCTAssertEqual(confirmations.first?.recipientName, "MARY WANJIKU")
        XCTAssertEqual(confirmations.first?.confirmationRequired, true)

        let audit = try observed.values(.auditTrail).map { try EventCoding.decode(AuditEvent.self, from: $0) }
        let debit = audit.first { $0.eventType == .balanceDebited }
        let credit = audit.first { $0.eventType == .balanceCredited }
        XCTAssertEqual(debit?.previousBalance, 25_000)
        XCTAssertEqual(debit?.newBalance, 19_985)
        XCTAssertEqual(credit?.previousBalance, 8_500)
        XCTAssertEqual(credit?.newBalance, 13_500)
        XCTAssertFalse(debit?.msisdn?.contains("254700123456") ?? true, "MSISDNs are tokenized on audit-trail")
    }
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(timeout: Duration, _ condition: @Sendable () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return condition()
}
