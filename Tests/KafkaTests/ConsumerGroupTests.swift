import Foundation
import XCTest
@testable import Kafka

final class ConsumerGroupTests: XCTestCase {
    func testTwoMembers_splitTwentyPartitions_andAcrossRebalanceEveryRecordIsHandledAndCommitted() async throws {
        let fixture = try ClusterFixture(partitions: 20)
        let firstBatch = (0..<2_000).map { "m-\($0)" }
        try await fixture.produce(firstBatch)

        let handledByA = Collected()
        let handledByB = Collected()
        let a = try fixture.consumer(group: "split")
        let taskA = Task { await a.consume { handledByA.append(String(decoding: $0.value, as: UTF8.self)) } }
        let condition1 = await eventually { handledByA.count > 0 }
        XCTAssertTrue(condition1, "first member never received records")

        // A second member joins while records are flowing: cooperative rebalance moves half the partitions.
        let b = try fixture.consumer(group: "split")
        let taskB = Task { await b.consume { handledByB.append(String(decoding: $0.value, as: UTF8.self)) } }
        let secondBatch = (2_000..<4_000).map { "m-\($0)" }
        try await fixture.produce(secondBatch)

        let all = Set(firstBatch + secondBatch)
        let everyRecordHandled = await eventually(timeout: .seconds(60)) {
            handledByA.unique.union(handledByB.unique) == all
        }
        XCTAssertTrue(everyRecordHandled, "missing \(all.subtracting(handledByA.unique.union(handledByB.unique)).count) records")
        let condition2 = await eventually { handledByB.count > 0 }
        XCTAssertTrue(condition2, "the second member never got partitions")

        // Both members' commits together cover every partition up to its end.
        let admin = try KafkaAdmin(cluster: fixture.configuration, logger: .quiet)
        let committedAll = await eventually(timeout: .seconds(20)) {
            (try? admin.lag(group: "split", topics: [fixture.topic]))?.allSatisfy { $0.lag == 0 && $0.committed != nil } ?? false
        }
        let behind = try admin.lag(group: "split", topics: [fixture.topic]).filter { $0.lag > 0 }
        XCTAssertTrue(committedAll, "lag left: \(behind)")
        a.close()
        b.close()
        await taskA.value
        await taskB.value
        XCTAssertGreaterThanOrEqual(a.statistics.snapshot.rebalances, 2, "assign then incremental revoke")
    }

    func testRevoke_waitsForInFlightHandler_thenCommitsItsOffset() async throws {
        let fixture = try ClusterFixture(partitions: 1)
        try await fixture.produce(["slow"])
        let consumer = try fixture.consumer(group: "revoke", commitInterval: .seconds(60))
        let started = Collected()
        let finished = Collected()
        let task = Task {
            await consumer.consume { record in
                started.append("slow")
                try await Task.sleep(for: .milliseconds(700))
                finished.append("slow")
            }
        }
        let condition3 = await eventually { started.count == 1 }
        XCTAssertTrue(condition3)
        // Closing revokes the partition while the handler is still sleeping: the revoke must wait for it
        // and commit offset 1 (the periodic commit is an hour away, so only the revoke can do it).
        consumer.close()
        await task.value
        XCTAssertEqual(finished.count, 1)
        let admin = try KafkaAdmin(cluster: fixture.configuration, logger: .quiet)
        XCTAssertEqual(try admin.lag(group: "revoke", topics: [fixture.topic]).map(\.committed), [1])
    }
}
