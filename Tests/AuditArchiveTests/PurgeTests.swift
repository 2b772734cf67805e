import Foundation
import GRDB
import XCTest

@testable import AuditArchive

final class PurgeTests: ArchiveTestCase {
    private func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// Partition 0: seq 1 January, 2 February, 3 and 4 March 2017; partition 1: seq 1 January, 2 March.
    private func archiveOverThreeMonths() throws -> AuditArchive {
        let archive = try openArchive()
        try archive.store([
            Self.event(partition: 0, offset: 0, type: "A", time: "2017-01-15T10:00:00Z"),
            Self.event(partition: 0, offset: 1, type: "B", time: "2017-02-15T10:00:00Z"),
            Self.event(partition: 0, offset: 2, type: "C", time: "2017-03-15T10:00:00Z"),
            Self.event(partition: 0, offset: 3, type: "D", time: "2017-03-16T10:00:00Z"),
            Self.event(partition: 1, offset: 0, type: "E", time: "2017-01-20T10:00:00Z"),
            Self.event(partition: 1, offset: 1, type: "F", time: "2017-03-20T10:00:00Z"),
        ])
        return archive
    }

    func testRetentionCutoff_isSevenCalendarYearsBeforeNow() {
        XCTAssertEqual(
            AuditArchive.retentionCutoff(now: date("2024-09-02T14:30:00Z")), date("2017-09-02T14:30:00Z"))
    }

    func testRetentionCutoff_onALeapDay_fallsOnTheLastDayOfFebruary() {
        XCTAssertEqual(
            AuditArchive.retentionCutoff(now: date("2024-02-29T08:00:00Z")), date("2017-02-28T08:00:00Z"))
    }

    func testPurge_dropsOnlyMonthsThatEndedByTheCutoff() throws {
        let archive = try archiveOverThreeMonths()

        // February ends exactly at the cutoff, so it goes; March has events younger than the cutoff.
        let outcome = try archive.purge(olderThan: date("2017-03-01T00:00:00Z"))

        XCTAssertEqual(outcome.droppedMonths, ["audit_2017_01", "audit_2017_02"])
        XCTAssertEqual(outcome.purgedEntries, 3)
        XCTAssertEqual(try archive.months(), ["audit_2017_03"])
        XCTAssertEqual(try archive.count(), 3)
    }

    func testPurge_whenCutoffIsInsideAMonth_keepsThatMonth() throws {
        let archive = try archiveOverThreeMonths()

        let outcome = try archive.purge(olderThan: date("2017-02-28T23:59:59Z"))

        XCTAssertEqual(outcome.droppedMonths, ["audit_2017_01"])
    }

    func testPurge_whenNothingIsOldEnough_changesNothing() throws {
        let archive = try archiveOverThreeMonths()

        let outcome = try archive.purge(olderThan: date("2017-01-31T00:00:00Z"))

        XCTAssertEqual(outcome, PurgeOutcome(droppedMonths: [], purgedEntries: 0, purgedMalformed: 0, anchors: []))
        XCTAssertEqual(try archive.count(), 6)
    }

    func testPurge_anchorsEachPartitionAtItsLastPurgedEntry_andVerifyStaysIntact() throws {
        let archive = try archiveOverThreeMonths()

        let outcome = try archive.purge(olderThan: date("2017-03-01T00:00:00Z"))

        XCTAssertEqual(outcome.anchors.map { "\($0.partition)@\($0.seq)" }, ["0@2", "1@1"])
        let report = try archive.verify()
        XCTAssertTrue(report.isIntact, "\(report)")
        XCTAssertEqual(report.entriesChecked, 3)
    }

    func testVerify_afterPurge_stillChecksTheFirstRemainingEntryAgainstTheAnchor() throws {
        let archive = try archiveOverThreeMonths()
        try archive.purge(olderThan: date("2017-03-01T00:00:00Z"))

        // The first remaining entry is re-linked to the genesis and rehashed, as if the chain began there.
        try archive.pool.write { db in
            let row = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT \(StoredChainRow.columns) FROM audit_2017_03 WHERE kafka_partition = 0 AND seq = 3"))
            let entry = StoredChainRow(row: row, month: "audit_2017_03").entry
            try db.execute(
                sql: "UPDATE audit_2017_03 SET prev_hash = ?, hash = ? WHERE kafka_partition = 0 AND seq = 3",
                arguments: [Data(ChainEntry.genesis), Data(entry.hash(after: ChainEntry.genesis))])
        }

        XCTAssertEqual(try archive.verify().firstBreak(partition: 0)?.kind, .prevHashMismatch)
        XCTAssertEqual(try archive.verify().firstBreak(partition: 0)?.seq, 3)
    }

    func testPurge_whenAPurgedMonthHoldsAStraggler_keepsItsLinkUntilTheAnchorPassesIt() throws {
        // Given seq 2 stamped in January although it was read after seq 1 of February
        let archive = try openArchive()
        try archive.store([
            Self.event(offset: 0, type: "A", time: "2017-02-01T00:00:01Z"),
            Self.event(offset: 1, type: "B", time: "2017-01-31T23:59:59Z"),
            Self.event(offset: 2, type: "C", time: "2017-02-01T00:00:02Z"),
            Self.event(offset: 3, type: "D", time: "2017-03-01T00:00:00Z"),
        ])

        // When January goes, seq 1 remains: no anchor yet, but seq 2 leaves a link
        let january = try archive.purge(olderThan: date("2017-02-01T00:00:00Z"))
        XCTAssertEqual(january.anchors, [])
        let afterJanuary = try archive.verify()
        XCTAssertTrue(afterJanuary.isIntact, "\(afterJanuary)")

        // And when February goes, the anchor moves to seq 3 and the link is no longer needed
        let february = try archive.purge(olderThan: date("2017-03-01T00:00:00Z"))
        XCTAssertEqual(february.anchors.map(\.seq), [3])
        XCTAssertTrue(try archive.verify().isIntact)
        XCTAssertEqual(try archive.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM purged_links") }, 0)
    }

    func testVerify_afterPurge_whenAStragglerLinkIsDeleted_reportsSeqGap() throws {
        let archive = try openArchive()
        try archive.store([
            Self.event(offset: 0, type: "A", time: "2017-02-01T00:00:01Z"),
            Self.event(offset: 1, type: "B", time: "2017-01-31T23:59:59Z"),
            Self.event(offset: 2, type: "C", time: "2017-02-01T00:00:02Z"),
        ])
        try archive.purge(olderThan: date("2017-02-01T00:00:00Z"))

        try tamper(archive, "DELETE FROM purged_links")

        XCTAssertEqual(try archive.verify().firstBreak(partition: 0)?.kind, .seqGap(expected: 2))
    }

    func testPurge_whenEverythingIsPurged_newEntriesContinueFromTheAnchor() throws {
        let archive = try archiveOverThreeMonths()
        try archive.purge(olderThan: date("2017-04-01T00:00:00Z"))
        XCTAssertEqual(try archive.count(), 0)
        XCTAssertTrue(try archive.verify().isIntact)

        try archive.store([Self.event(partition: 0, offset: 4, type: "G", time: "2024-09-02T14:30:00Z")])

        XCTAssertEqual(try archive.timeline(transactionId: "TXN-20240902-001").map(\.seq), [5])
        XCTAssertTrue(try archive.verify().isIntact)
    }

    func testPurge_removesTheEventIdsAndMalformedRecordsOfThePurgedPeriod() throws {
        let archive = try archiveOverThreeMonths()
        try archive.store([Self.record("garbage", partition: 0, offset: 10), Self.record("junk", partition: 0, offset: 11)])
        try tamper(archive, "UPDATE malformed SET received_at = '2017-01-02T00:00:00.000Z' WHERE kafka_offset = 10")

        let outcome = try archive.purge(olderThan: date("2017-03-01T00:00:00Z"))

        XCTAssertEqual(outcome.purgedMalformed, 1)
        XCTAssertEqual(try archive.malformedRecords().map(\.offset), [11])
        let ids = try archive.pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT month FROM event_ids") }
        XCTAssertEqual(ids, ["audit_2017_03"])
    }

    func testPurge_whenTheEntryToAnchorOnWasDeleted_refusesAndKeepsEverything() throws {
        let archive = try archiveOverThreeMonths()
        try tamper(archive, "DELETE FROM audit_2017_02 WHERE kafka_partition = 0 AND seq = 2")

        XCTAssertThrowsError(try archive.purge(olderThan: date("2017-03-01T00:00:00Z"))) { error in
            XCTAssertEqual(error as? AuditArchiveError, .chainBrokenAtPurge(partition: 0, seq: 2))
        }
        XCTAssertEqual(try archive.months(), ["audit_2017_01", "audit_2017_02", "audit_2017_03"])
    }
}
