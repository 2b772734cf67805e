import Foundation
import Kafka
import Logging
import Messaging
import Payments
import SMPP
import ServiceLifecycle
import Services
import Synchronization
import XCTest

/// End to end: embedded Kafka, the SMSC simulator and the service, as `pesagate run` wires them.
final class NotificationServiceTests: XCTestCase {
    func testSeedConfirmation_arrivesAtSMSCAsSeedText_andRedeliveryAddsNoSecondSMS() async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: .quiet)
        defer { cluster.shutdown() }
        // The mock cluster ignores topic configs (audit-trail's compaction), so none are given.
        for topic in [Topic.paymentConfirmations, .auditTrail] {
            XCTAssertEqual(cluster.createTopic(KafkaTopicSpec(name: topic.name, partitions: 3, replicationFactor: 1)), .created)
        }
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers)
        let producer = try KafkaProducer(configuration: ProducerConfiguration(cluster: kafka), logger: .quiet)
        defer { producer.close() }
        let smsc = try await SMSCFixture()
        var configuration = smsc.notificationConfiguration
        configuration.outboxPath = Fixtures.temporaryPath("outbox.sqlite")
        let hub = AppNotificationHub()
        let service = try NotificationService.make(
            configuration: configuration, kafka: kafka, producer: producer, hub: hub, now: Seed.tickingClock(), logger: .quiet)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [.init(service: service)], logger: .quiet))
        let running = Task { try await group.run() }
        let pushed = Mutex<[String]>([])
        let payerApp = await hub.subscribe(msisdn: Seed.payer)
        let apps = Task {
            for await notification in payerApp { pushed.withLock { $0.append(notification.eventId) } }
        }

        // The seed's confirmation, the same record again (a redelivery), then a marker on the same
        // partition: once the marker's SMS is out, the duplicate has certainly been handled.
        let marker = Seed.confirmation(id: try TransactionID(parsing: "TXN-20240902-999"), to: "254711000999")
        for confirmation in [Seed.confirmation(), Seed.confirmation(), marker] {
            let value = Array(try EventCoding.encode(confirmation))
            _ = try await producer.send(ProducerRecord(
                topic: Topic.paymentConfirmations.name, key: confirmation.transactionId.value, value: value, partition: 0))
        }
        let markerSent = await eventually(timeout: .seconds(40)) { smsc.messages.contains { $0.text.contains("254711000999") } }
        XCTAssertTrue(markerSent)
        let published = try await eventually {
            let delivered = try await service.outbox.count(.delivered)
            let unpublished = try await service.outbox.unpublishedFinal()
            return delivered == 4 && unpublished.isEmpty
        }
        XCTAssertTrue(published, "every SMS delivered and its delivery event acknowledged by Kafka")

        let toPayer = smsc.messages.filter { $0.destination == "254700123456" && !$0.text.contains("999") }
        XCTAssertEqual(toPayer.count, 1, "a redelivered confirmation sends no second SMS")
        XCTAssertEqual(toPayer.first?.text, Seed.smsText)
        XCTAssertEqual(toPayer.first?.source, "MPESA")
        XCTAssertEqual(toPayer.first?.sourceTON, 5)
        XCTAssertEqual(toPayer.first?.destinationTON, 1)
        XCTAssertEqual(toPayer.first?.destinationNPI, 1)
        XCTAssertEqual(toPayer.first?.dataCoding, 0)
        XCTAssertEqual(smsc.messages.count, 4, "payer and payee of the seed and of the marker")
        let appsSaw = await eventually { pushed.withLock { $0.count } == 2 }
        XCTAssertTrue(appsSaw)
        XCTAssertEqual(pushed.withLock { $0 }, ["TXN-20240902-001:confirmation", "TXN-20240902-999:confirmation"])

        // SMS_SUBMITTED and SMS_DELIVERED for each of the four messages.
        let auditKeys = try await readKeys(of: .auditTrail, kafka: kafka, count: 8)
        XCTAssertTrue(auditKeys.contains("TXN-20240902-001:sms-submitted:sender"), "\(auditKeys)")
        XCTAssertTrue(auditKeys.contains("TXN-20240902-001:sms-delivered:sender"), "\(auditKeys)")

        await group.triggerGracefulShutdown()
        try await running.value
        apps.cancel()
        await smsc.stop()
    }

    /// The keys of the first `count` records of `topic` (a fresh group reads from the start).
    private func readKeys(of topic: Topic, kafka: KafkaConfiguration, count: Int) async throws -> Set<String> {
        var config = ConsumerConfiguration(cluster: kafka, groupID: "notify-test-\(UUID())", topics: [topic.name])
        config.properties["auto.offset.reset"] = "earliest"
        let consumer = try KafkaConsumer(configuration: config, logger: .quiet)
        defer { consumer.close() }
        let reader = Task {
            var seen: Set<String> = []
            for await record in consumer.records {
                consumer.acknowledge(record)
                if let key = record.keyString { seen.insert(key) }
                if seen.count >= count { break }
            }
            return seen
        }
        let timeout = Task {
            try await Task.sleep(for: .seconds(20))
            consumer.close()
        }
        let keys = await reader.value
        timeout.cancel()
        return keys
    }
}
