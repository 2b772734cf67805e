import Foundation
import XCTest

@testable import AuditArchive

final class AuditArchiveStoreTests: ArchiveTestCase {
    func testStore_whenRecordsAreNew_storesEachOnceAndCountsThem() throws {
        let archive = try openArchive()

        let outcome = try archive.store(Self.events(count: 3))

        XCTAssertEqual(outcome, ArchiveStoreOutcome(stored: 3))
        XCTAssertEqual(try archive.count(), 3)
        XCTAssertEqual(try archive.headOffsets(), [0: 2])
    }

    func testStore_whenBatchIsRedelivered_skipsEveryRecord() throws {
        let archive = try openArchive()
        try archive.store(Self.events(count: 3))

        let outcome = try archive.store(Self.events(count: 3))

        XCTAssertEqual(outcome, ArchiveStoreOutcome(redelivered: 3))
        XCTAssertEqual(try archive.count(), 3)
    }

    func testStore_whenOffsetIsAtOrBelowHead_skipsItEvenIfTheEventIsNew() throws {
        // Given a partition whose head is offset 5
        let archive = try openArchive()
        try archive.store([Self.event(offset: 5, type: "A")])

        // When a record at offset 5 and one at 4 arrive with events never seen
        let outcome = try archive.store([Self.event(offset: 5, type: "B"), Self.event(offset: 4, type: "C")])

        // Then the offsets decide: both are redeliveries
        XCTAssertEqual(outcome, ArchiveStoreOutcome(redelivered: 2))
        XCTAssertEqual(try archive.count(), 1)
    }

    func testStore_whenEventIsRepublishedAtNewOffset_countsDuplicateAndAdvancesHead() throws {
        let archive = try openArchive()
        try archive.store([Self.event(offset: 0, type: "RESERVED")])

        // A producer re-published the same event (same eventId) after a crash: it lands at offset 7.
        let outcome = try archive.store([Self.event(offset: 7, type: "RESERVED", time: "2024-09-02T14:31:00Z")])

        XCTAssertEqual(outcome, ArchiveStoreOutcome(duplicates: 1))
        XCTAssertEqual(try archive.count(), 1)
        XCTAssertEqual(try archive.headOffsets(), [0: 7])
        XCTAssertEqual(try archive.store([Self.event(offset: 7, type: "RESERVED")]), ArchiveStoreOutcome(redelivered: 1))
    }

    func testStore_whenCopyArrivesOnAnotherPartition_isStillADuplicate() throws {
        let archive = try openArchive()
        try archive.store([Self.event(partition: 0, offset: 0, type: "RESERVED")])

        let outcome = try archive.store([Self.event(partition: 3, offset: 0, type: "RESERVED")])

        XCTAssertEqual(outcome, ArchiveStoreOutcome(duplicates: 1))
        XCTAssertEqual(try archive.headOffsets(), [0: 0, 3: 0])
    }

    func testStore_whenSameEventTwiceInOneBatch_storesItOnce() throws {
        let archive = try openArchive()

        let outcome = try archive.store([Self.event(offset: 0, type: "X"), Self.event(offset: 1, type: "X")])

        XCTAssertEqual(outcome, ArchiveStoreOutcome(stored: 1, duplicates: 1))
        XCTAssertEqual(try archive.headOffsets(), [0: 1])
    }

    func testStore_whenPartitionsInterleave_keepsOneChainPerPartition() throws {
        let archive = try openArchive()

        try archive.store([
            Self.event(partition: 1, offset: 10, type: "A"), Self.event(partition: 2, offset: 3, type: "B"),
            Self.event(partition: 1, offset: 11, type: "C"), Self.event(partition: 2, offset: 4, type: "D"),
        ])

        let seqs = try archive.timeline(transactionId: "TXN-20240902-001").map { "\($0.partition)/\($0.seq)/\($0.offset)" }
        XCTAssertEqual(seqs.sorted(), ["1/1/10", "1/2/11", "2/1/3", "2/2/4"])
        XCTAssertEqual(try archive.headOffsets(), [1: 11, 2: 4])
    }

    func testStore_keepsTheJSONTextVerbatim() throws {
        let archive = try openArchive()
        // Odd spacing, key order and non-ASCII text must survive byte for byte: this is evidence.
        let json = #"{ "timestamp" : "2024-09-02T14:30:00.250Z", "eventType":"SMS_DELIVERED","#
            + #" "transactionId":"TXN-20240902-001","eventId":"e-1", "detail":"Imetumwa \u00e9 ✓" }"#

        try archive.store([Self.record(json, offset: 0)])

        let entry = try XCTUnwrap(archive.timeline(transactionId: "TXN-20240902-001").first)
        XCTAssertEqual(Array(entry.json.utf8), Array(json.utf8))
        XCTAssertNil(entry.service)
    }

    func testStore_afterReopen_continuesTheChainWhereItStopped() throws {
        var archive = try openArchive()
        try archive.store(Self.events(count: 2))
        try archive.close()

        archive = try openArchive()
        let outcome = try archive.store(Self.events(first: 0, count: 4))

        XCTAssertEqual(outcome, ArchiveStoreOutcome(stored: 2, redelivered: 2))
        XCTAssertEqual(try archive.timeline(transactionId: "TXN-20240902-001").map(\.seq), [1, 2, 3, 4])
        XCTAssertTrue(try archive.verify().isIntact)
    }

    func testStore_async_archivesLikeTheBlockingCall() async throws {
        let archive = try openArchive()

        let outcome = try await archive.store(Self.events(count: 2))
        let again = try await archive.store(Self.events(count: 2))

        XCTAssertEqual(outcome, ArchiveStoreOutcome(stored: 2))
        XCTAssertEqual(again, ArchiveStoreOutcome(redelivered: 2))
    }

    func testStore_whenArchiveIsClosed_throws() throws {
        let archive = try openArchive()
        try archive.close()

        XCTAssertThrowsError(try archive.store(Self.events(count: 1)))
    }
}
