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
}
