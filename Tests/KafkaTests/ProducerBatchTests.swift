import Foundation
import XCTest
@testable import Kafka

/// The batch path that carries throughput: every record keeps its own delivery report, and nothing in
/// it waits on librdkafka timers that a payment should not wait for.
final class ProducerBatchTests: XCTestCase {
    func testSendBatch_reportsEachRecordsOwnPartitionAndOffset_inRecordOrder() async throws {
        let fixture = try ClusterFixture(partitions: 4)
        let producer = try fixture.producer()
        defer { producer.close() }
        let records = (0..<400).map {
            ProducerRecord(topic: fixture.topic, key: "k\($0)", value: Array("v\($0)".utf8), partition: Int32($0 % 4))
        }
        let reports = try await producer.send(batch: records).map { try $0.get() }
        XCTAssertEqual(reports.map(\.partition), records.map { $0.partition! })
        // One partition's records were enqueued in record order, so the log holds them at 0, 1, 2, ...
        for partition in Int32(0)..<4 {
            XCTAssertEqual(reports.filter { $0.partition == partition }.map(\.offset), Array(0..<100))
        }
    }

    func testSendBatch_whenOneRecordCannotBeProduced_failsOnlyThatRecord_asNotPersisted() async throws {
        let fixture = try ClusterFixture(partitions: 4)
        let producer = try fixture.producer()
        defer { producer.close() }
        try await producer.send(ProducerRecord(topic: fixture.topic, key: "warm", value: [0]))
        let results = await producer.send(batch: [
            ProducerRecord(topic: fixture.topic, key: "a", value: [1], partition: 0),
            ProducerRecord(topic: fixture.topic, key: "b", value: [2], partition: 99),
            ProducerRecord(topic: fixture.topic, key: "c", value: [3], partition: 1),
        ])
        XCTAssertEqual(try results[0].get().partition, 0)
        XCTAssertEqual(try results[2].get().partition, 1)
        guard case .failure(let error) = results[1] else { return XCTFail("partition 99 of 4 must fail") }
        XCTAssertEqual(error.persistence, .notPersisted, "\(error)")
    }

    /// librdkafka learns the partitions of a topic named only inside a produce call at its next topic
    /// scan, up to a second later; the producer asks for them when it first meets the topic.
    func testSend_toTopicsNewToAConnectedProducer_doesNotWaitForTheTopicScan() async throws {
        let fixture = try ClusterFixture(partitions: 4)
        let producer = try fixture.producer()
        defer { producer.close() }
        try await producer.send(ProducerRecord(topic: fixture.topic, key: "connect", value: [0]))
        for index in 0..<3 {
            let topic = "\(fixture.topic)-new-\(index)"
            fixture.cluster.createTopic(KafkaTopicSpec(name: topic, partitions: 4, replicationFactor: 3))
            let start = ContinuousClock.now
            try await producer.send(ProducerRecord(topic: topic, key: "first", value: [1]))
            let elapsed = ContinuousClock.now - start
            XCTAssertLessThan(elapsed, .milliseconds(300), "first send to \(topic)")
        }
    }

    /// The embedded brokers answer without Nagle's delay, like real brokers: a batch's last responses
    /// used to wait ~40 ms for the client's delayed ACK.
    func testBatchRoundTrip_onEmbeddedCluster_isNotHeldByDelayedAcks() async throws {
        let fixture = try ClusterFixture(partitions: 12)
        let producer = try fixture.producer()
        defer { producer.close() }
        try await producer.send(ProducerRecord(topic: fixture.topic, key: "connect", value: [0]))
        var fastest = Duration.seconds(1)
        for round in 0..<5 {
            let records = (0..<1_000).map { ProducerRecord(topic: fixture.topic, key: "k\(round)-\($0)", value: [1, 2, 3]) }
            let start = ContinuousClock.now
            for result in await producer.send(batch: records) { _ = try result.get() }
            fastest = min(fastest, ContinuousClock.now - start)
        }
        XCTAssertLessThan(fastest, .milliseconds(25), "fastest of 5 batches of 1,000 records")
    }

    func testClose_whileABatchIsEnqueuing_answersEveryRecord_deliveredOnesFirst() async throws {
        let fixture = try ClusterFixture(partitions: 4)
        var config = ProducerConfiguration(cluster: fixture.configuration)
        config.maxInFlightMessages = 200  // so the batch waits on backpressure while close() comes
        let producer = try KafkaProducer(configuration: config, logger: .quiet)
        let records = (0..<20_000).map { ProducerRecord(topic: fixture.topic, key: "k\($0)", value: [1]) }
        async let sent = producer.send(batch: records)
        try await Task.sleep(for: .milliseconds(100))
        // close() blocks while it flushes: keep it off the cooperative pool the batch needs.
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                producer.close()
                continuation.resume()
            }
        }
        let results = await sent
        XCTAssertEqual(results.count, records.count)
        let delivered = results.prefix { if case .success = $0 { true } else { false } }.count
        XCTAssertGreaterThan(delivered, 0)
        XCTAssertLessThan(delivered, records.count, "close must have come while the batch was enqueuing")
        for result in results[delivered...] {
            guard case .failure(let error) = result else { return XCTFail("a record delivered after a refused one") }
            XCTAssertEqual(error.persistence, .notPersisted, "\(error)")
        }
    }
}
