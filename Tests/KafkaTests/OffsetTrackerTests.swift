import XCTest
@testable import Kafka

final class OffsetTrackerTests: XCTestCase {
    private let p0 = TopicPartition(topic: "payment-requests", partition: 0)

    func testCommitPoint_whenLaterRecordFinishesFirst_staysAtTheUnfinishedOne() {
        var tracker = OffsetTracker()
        tracker.assign(p0, committed: 10)
        let epoch = tracker.deliver(p0, offset: 10).epoch!
        _ = tracker.deliver(p0, offset: 11)
        tracker.finish(p0, offset: 11, epoch: epoch)
        // 10 is still in flight: committing 12 would skip it.
        XCTAssertNil(tracker.pendingCommit(for: p0))
        tracker.finish(p0, offset: 10, epoch: epoch)
        XCTAssertEqual(tracker.pendingCommit(for: p0), 12)
    }

    func testCommitPoint_afterMarkCommitted_isNotRepeated() {
        var tracker = OffsetTracker()
        tracker.assign(p0)
        let epoch = tracker.deliver(p0, offset: 0).epoch!
        tracker.finish(p0, offset: 0, epoch: epoch)
        XCTAssertEqual(tracker.pendingCommits(), [p0: 1])
        tracker.markCommitted([p0: 1])
        XCTAssertTrue(tracker.pendingCommits().isEmpty)
    }

    func testFailure_returnsFirstUnfinishedOffset_andBlocksPartitionUntilSeek() {
        var tracker = OffsetTracker()
        tracker.assign(p0, committed: 5)
        let epoch = tracker.deliver(p0, offset: 5).epoch!
        _ = tracker.deliver(p0, offset: 6)
        _ = tracker.deliver(p0, offset: 7)
        // 6 fails while 5 is still running: the seek must go back to 5, not 6.
        XCTAssertEqual(tracker.fail(p0, offset: 6, epoch: epoch), 5)
        XCTAssertNil(tracker.deliver(p0, offset: 8).epoch, "records are held back until the seek")
        XCTAssertFalse(tracker.isCurrent(p0, epoch: epoch))
        tracker.seeked(p0, to: 5)
        tracker.finish(p0, offset: 5, epoch: epoch)  // stale completion of the old epoch
        XCTAssertEqual(tracker.pendingCommit(for: p0), nil, "stale completions do not move the commit point")
        let fresh = tracker.deliver(p0, offset: 5).epoch!
        XCTAssertNotEqual(fresh, epoch)
        tracker.finish(p0, offset: 5, epoch: fresh)
        XCTAssertEqual(tracker.pendingCommit(for: p0), 6)
    }

    func testGap_whenOffsetsJump_isReportedWithSkippedCount() {
        var tracker = OffsetTracker()
        tracker.assign(p0, committed: 100)
        let result = tracker.deliver(p0, offset: 250)
        XCTAssertEqual(result.gap?.skipped, 150)
        XCTAssertEqual(result.gap?.expected, 100)
        XCTAssertNil(tracker.deliver(p0, offset: 251).gap)
    }

    func testGap_onCompactedTopic_isNotAnAlarm() {
        let audit = TopicPartition(topic: "audit-trail", partition: 3)
        var tracker = OffsetTracker(compactedTopics: ["audit-trail"])
        tracker.assign(audit, committed: 0)
        XCTAssertNil(tracker.deliver(audit, offset: 40).gap)
    }

    func testRevoke_returnsFinishedPrefix_andForgetsPartition() {
        var tracker = OffsetTracker()
        tracker.assign(p0, committed: 0)
        let epoch = tracker.deliver(p0, offset: 0).epoch!
        _ = tracker.deliver(p0, offset: 1)
        tracker.finish(p0, offset: 0, epoch: epoch)
        XCTAssertEqual(tracker.inFlight(in: [p0]), 1)
        XCTAssertEqual(tracker.revoke(p0), 1)
        XCTAssertNil(tracker.epoch(of: p0))
        XCTAssertEqual(tracker.inFlight(), 0)
    }

    func testDeliverRun_stampsOneSlotAndEpoch_andAckingBySlotMovesTheCommitPoint() {
        var tracker = OffsetTracker()
        tracker.assign(p0, committed: 20)
        var gaps: [OffsetTracker.Gap] = []
        let stamp = tracker.deliver(p0, offsets: [20, 21, 22], gaps: &gaps)!
        XCTAssertEqual(tracker.totalInFlight, 3)
        XCTAssertTrue(gaps.isEmpty)
        tracker.finish(slot: stamp.slot, offset: 21, epoch: stamp.epoch)
        XCTAssertNil(tracker.pendingCommit(for: p0), "20 is still in flight")
        tracker.finish(slot: stamp.slot, offset: 20, epoch: stamp.epoch)
        XCTAssertEqual(tracker.pendingCommit(for: p0), 22)
        XCTAssertEqual(tracker.totalInFlight, 1)
    }

    func testDeliverRun_whenOffsetsJumpInsideTheRun_reportsEachGap() {
        var tracker = OffsetTracker()
        tracker.assign(p0, committed: 0)
        var gaps: [OffsetTracker.Gap] = []
        _ = tracker.deliver(p0, offsets: [0, 1, 5, 6, 9], gaps: &gaps)
        XCTAssertEqual(gaps.map(\.skipped), [3, 2])
    }

    func testDeliverRun_onPartitionAwaitingSeek_isDroppedWhole() {
        var tracker = OffsetTracker()
        tracker.assign(p0, committed: 0)
        let epoch = tracker.deliver(p0, offset: 0).epoch!
        _ = tracker.fail(p0, offset: 0, epoch: epoch)
        var gaps: [OffsetTracker.Gap] = []
        XCTAssertNil(tracker.deliver(p0, offsets: [1, 2, 3], gaps: &gaps))
        XCTAssertEqual(tracker.totalInFlight, 0, "dropped records are not in flight")
    }

    func testAckBySlot_fromBeforeTheSlotWasRevokedAndReassigned_isIgnored() {
        var tracker = OffsetTracker()
        tracker.assign(p0, committed: 0)
        var gaps: [OffsetTracker.Gap] = []
        let old = tracker.deliver(p0, offsets: [0], gaps: &gaps)!
        _ = tracker.revoke(p0)
        tracker.assign(p0, committed: 0)
        let fresh = tracker.deliver(p0, offsets: [0], gaps: &gaps)!
        XCTAssertEqual(fresh.slot, old.slot, "a partition assigned again gets its slot back")
        tracker.finish(slot: old.slot, offset: 0, epoch: old.epoch)
        XCTAssertNil(tracker.pendingCommit(for: p0), "a completion from the revoked assignment must not count")
        XCTAssertFalse(tracker.isCurrent(slot: old.slot, epoch: old.epoch))
        XCTAssertTrue(tracker.isCurrent(slot: fresh.slot, epoch: fresh.epoch))
    }
}
