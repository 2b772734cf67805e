import Foundation
import XCTest
@testable import Kafka

final class ProducerConsumerTests: XCTestCase {
    func testRoundTrip_throughEmbeddedCluster_deliversEveryRecordWithKeyAndHeaders() async throws {
        let fixture = try ClusterFixture()
        let producer = try fixture.producer()
        let report = try await producer.send(ProducerRecord(
            topic: fixture.topic, key: "254700123456", value: Array(#"{"amount":5000}"#.utf8),
            headers: [KafkaHeader(key: "traceparent", string: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")]))
        XCTAssertGreaterThanOrEqual(report.offset, 0)
        producer.close()

        let consumer = try fixture.consumer(group: "round-trip")
        var iterator = consumer.records.makeAsyncIterator()
        let nextrecord = await iterator.next()
        let record = try XCTUnwrap(nextrecord)
        XCTAssertEqual(record.keyString, "254700123456")
        XCTAssertEqual(String(decoding: record.value, as: UTF8.self), #"{"amount":5000}"#)
        XCTAssertEqual(record.headers.string(for: "traceparent"), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
        XCTAssertEqual(record.partition, report.partition)
        XCTAssertEqual(record.offset, report.offset)
        consumer.acknowledge(record)
        consumer.close()
        XCTAssertGreaterThanOrEqual(consumer.statistics.snapshot.commits, 1)
    }

    func testSend_whenEveryBrokerIsDown_timesOutAsCertainlyNotPersisted() async throws {
        let fixture = try ClusterFixture()
        fixture.cluster.setBrokerDown(1)
        fixture.cluster.setBrokerDown(2)
        fixture.cluster.setBrokerDown(3)
        let producer = try fixture.producer(messageTimeout: .milliseconds(500))
        do {
            try await producer.send(ProducerRecord(topic: fixture.topic, key: "k", value: [1]))
            XCTFail("a send with every broker down must not succeed")
        } catch {
            XCTAssertTrue(error.isTimedOut, "\(error)")
            XCTAssertEqual(error.persistence, .notPersisted, "never sent, so certainly not persisted")
        }
        producer.close()
    }

    func testHandlerThatThrows_leavesOffsetUncommitted_andRecordComesBack() async throws {
        let fixture = try ClusterFixture(partitions: 1)
        try await fixture.produce(["first", "second", "third"])
        let consumer = try fixture.consumer(group: "retry")
        let seen = Collected()
        let failedOnce = Collected()
        let task = Task {
            await consumer.consume { record in
                let value = String(decoding: record.value, as: UTF8.self)
                seen.append(value)
                if value == "second", failedOnce.count == 0 {
                    failedOnce.append(value)
                    throw CancellationError()
                }
            }
        }
        let cameBack = await eventually { seen.all.filter { $0 == "second" }.count >= 2 && seen.all.contains("third") }
        XCTAssertTrue(cameBack, "the failed record must be redelivered; saw \(seen.all)")
        consumer.close()
        await task.value
        XCTAssertEqual(consumer.statistics.snapshot.rejected, 1)
        // Everything finished in the end, so the group's commit covers all three records.
        let admin = try KafkaAdmin(cluster: fixture.configuration, logger: .quiet)
        let lag = try admin.lag(group: "retry", topics: [fixture.topic])
        XCTAssertEqual(lag.map(\.committed), [3])
    }

    func testFailedRecord_isNotCommitted_soAnotherMemberGetsItAfterClose() async throws {
        let fixture = try ClusterFixture(partitions: 1)
        try await fixture.produce(["a", "b"])
        let first = try fixture.consumer(group: "handover", redeliveryBackoff: .seconds(60))
        let seen = Collected()
        let task = Task {
            await first.consume { record in
                let value = String(decoding: record.value, as: UTF8.self)
                seen.append(value)
                if value == "b" { throw CancellationError() }
            }
        }
        let condition1 = await eventually { seen.all.contains("b") }
        XCTAssertTrue(condition1)
        first.close()
        await task.value
        let admin = try KafkaAdmin(cluster: fixture.configuration, logger: .quiet)
        XCTAssertEqual(try admin.lag(group: "handover", topics: [fixture.topic]).map(\.committed), [1],
                       "only `a` is committed; `b` failed")

        let second = try fixture.consumer(group: "handover")
        var iterator = second.records.makeAsyncIterator()
        let nextagain = await iterator.next()
        let again = try XCTUnwrap(nextagain)
        XCTAssertEqual(String(decoding: again.value, as: UTF8.self), "b")
        second.acknowledge(again)
        second.close()
    }

    func testMalformedJSON_isReportedWithCoordinates_andConsumerGoesOn() async throws {
        struct Event: Decodable { var transactionId: String }
        let fixture = try ClusterFixture(partitions: 1)
        try await fixture.produce([#"{"transactionId":"TXN-20240902-001"}"#, "{not json", #"{"transactionId":"TXN-20240902-002"}"#])
        let consumer = try fixture.consumer(group: "malformed")
        let decoded = Collected()
        let errors = Collected()
        let task = Task {
            await consumer.consume { record in
                do {
                    decoded.append(try record.decode(Event.self, using: JSONDecoder()).transactionId)
                } catch {
                    errors.append("\(error)")
                }
            }
        }
        let condition2 = await eventually { decoded.count == 2 }
        XCTAssertTrue(condition2)
        consumer.close()
        await task.value
        XCTAssertEqual(decoded.all, ["TXN-20240902-001", "TXN-20240902-002"])
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors.all[0].hasPrefix("cannot decode \(fixture.topic)/0@1: not valid JSON"), errors.all[0])
    }
}
