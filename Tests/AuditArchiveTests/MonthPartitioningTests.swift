import Foundation
import GRDB
import XCTest

@testable import AuditArchive

final class MonthPartitioningTests: ArchiveTestCase {
    func testStore_putsEachEventInTheTableOfItsUTCMonth() throws {
        let archive = try openArchive()

        try archive.store([
            Self.event(offset: 0, type: "A", time: "2024-09-30T23:59:59Z"),
            Self.event(offset: 1, type: "B", time: "2024-10-01T00:00:00Z"),
            Self.event(offset: 2, type: "C", time: "2023-12-31T12:00:00Z"),
        ])

        XCTAssertEqual(try archive.months(), ["audit_2023_12", "audit_2024_09", "audit_2024_10"])
        let months = try archive.timeline(transactionId: "TXN-20240902-001").map { "\($0.eventType)@\($0.month)" }
        XCTAssertEqual(months, ["C@audit_2023_12", "A@audit_2024_09", "B@audit_2024_10"])
    }

    func testStore_whenTimestampHasAnOffset_usesTheUTCMonth() throws {
        let archive = try openArchive()

        // 01:00 on 1 September in Nairobi is 22:00 on 31 August in UTC.
        try archive.store([Self.event(offset: 0, time: "2024-09-01T01:00:00+03:00")])

        XCTAssertEqual(try archive.months(), ["audit_2024_08"])
        let entry = try XCTUnwrap(archive.timeline(transactionId: "TXN-20240902-001").first)
        XCTAssertEqual(entry.timestamp, Date(timeIntervalSince1970: 1_725_141_600))
    }

    func testStore_whenTimestampHasFractionalSeconds_keepsTheMilliseconds() throws {
        let archive = try openArchive()

        try archive.store([Self.event(offset: 0, time: "2024-09-02T14:30:00.250Z")])

        let entry = try XCTUnwrap(archive.timeline(transactionId: "TXN-20240902-001").first)
        XCTAssertEqual(entry.timestamp.timeIntervalSince1970, 1_725_287_400.25, accuracy: 0.0001)
    }

    func testMonthTable_refusesARowOutsideItsMonth() throws {
        // The CHECK constraint is the partition bound (PostgreSQL's FOR VALUES FROM … TO …).
        let archive = try openArchive()
        try archive.store([Self.event(offset: 0)])

        XCTAssertThrowsError(
            try tamper(archive, "UPDATE audit_2024_09 SET event_time = '2024-10-01T00:00:00.000Z'"))
    }

    func testStore_whenACopyHasAnotherMonth_isStillADuplicate() throws {
        let archive = try openArchive()
        try archive.store([Self.event(offset: 0, type: "A", time: "2024-09-30T23:59:59Z")])

        // The re-published copy got a new timestamp in the next month: eventId uniqueness spans months.
        let outcome = try archive.store([Self.event(offset: 1, type: "A", time: "2024-10-01T00:00:05Z")])

        XCTAssertEqual(outcome, ArchiveStoreOutcome(duplicates: 1))
        XCTAssertEqual(try archive.months(), ["audit_2024_09"])
    }

    func testChain_whenALateEventFollowsInAnEarlierMonth_spansTheMonthTables() throws {
        let archive = try openArchive()

        try archive.store([
            Self.event(offset: 0, type: "A", time: "2024-09-01T00:00:01Z"),
            Self.event(offset: 1, type: "B", time: "2024-08-31T23:59:59Z"),
            Self.event(offset: 2, type: "C", time: "2024-09-01T00:00:02Z"),
        ])

        let entries = try archive.timeline(transactionId: "TXN-20240902-001")
        XCTAssertEqual(entries.map(\.seq), [2, 1, 3])
        XCTAssertEqual(entries.map(\.month), ["audit_2024_08", "audit_2024_09", "audit_2024_09"])
        let report = try archive.verify()
        XCTAssertTrue(report.isIntact, "\(report)")
        XCTAssertEqual(report.entriesChecked, 3)
    }

    func testStore_whenAMonthLostItsCatalogRow_restoresItAndKeepsStoring() throws {
        let archive = try openArchive()
        try archive.store([Self.event(offset: 0, type: "A")])
        try tamper(archive, "DELETE FROM event_ids")
        try tamper(archive, "DELETE FROM partitions")

        XCTAssertEqual(try archive.store([Self.event(offset: 1, type: "B")]), ArchiveStoreOutcome(stored: 1))
        XCTAssertEqual(try archive.months(), ["audit_2024_09"])
        XCTAssertTrue(try archive.verify().isIntact)
    }

    func testCount_addsUpEveryMonth() throws {
        let archive = try openArchive()

        try archive.store([
            Self.event(offset: 0, type: "A", time: "2024-08-02T00:00:00Z"),
            Self.event(offset: 1, type: "B", time: "2024-09-02T00:00:00Z"),
            Self.event(partition: 1, offset: 0, type: "C", time: "2024-09-03T00:00:00Z"),
        ])

        XCTAssertEqual(try archive.count(), 3)
    }
}
