import Foundation
import GRDB
import XCTest

@testable import AuditArchive

/// Each way of tampering with the archive, and the first break `verify()` must report for it.
final class ChainVerifyTests: ArchiveTestCase {
    /// Given five events on partition 0 (seq 1…5, offsets 0…4) and two on partition 1, all in September.
    private func archiveWithEntries() throws -> AuditArchive {
        let archive = try openArchive()
        try archive.store(Self.events(partition: 0, count: 5) + Self.events(partition: 1, count: 2, txn: "TXN-20240902-002"))
        return archive
    }

    func testVerify_whenNothingWasTouched_reportsIntactWithTotals() throws {
        let archive = try archiveWithEntries()

        let report = try archive.verify()

        XCTAssertTrue(report.isIntact, "\(report)")
        XCTAssertEqual(report.entriesChecked, 7)
        XCTAssertEqual(report.partitionsChecked, 2)
    }

    func testVerify_whenArchiveIsEmpty_reportsIntact() throws {
        let report = try openArchive().verify()

        XCTAssertEqual(report, ChainReport(breaks: [], entriesChecked: 0, partitionsChecked: 0))
    }

    func testVerify_whenOneByteOfJSONIsEditedBySQL_reportsHashMismatchThere() throws {
        let archive = try archiveWithEntries()

        try tamper(archive, "UPDATE audit_2024_09 SET json = replace(json, 'STEP_3', 'STEP_8') WHERE seq = 3 AND kafka_partition = 0")

        let report = try archive.verify()
        XCTAssertEqual(
            report.breaks,
            [ChainBreak(partition: 0, seq: 3, eventId: "TXN-20240902-001:audit:STEP_3", month: "audit_2024_09", kind: .hashMismatch)])
        XCTAssertNil(report.firstBreak(partition: 1))
    }

    func testVerify_whenAnIndexedColumnIsEdited_reportsHashMismatch() throws {
        let archive = try archiveWithEntries()

        try tamper(archive, "UPDATE audit_2024_09 SET event_type = 'REFUNDED' WHERE seq = 2 AND kafka_partition = 1")

        XCTAssertEqual(try archive.verify().firstBreak(partition: 1)?.kind, .hashMismatch)
        XCTAssertEqual(try archive.verify().firstBreak(partition: 1)?.seq, 2)
    }

    func testVerify_whenAMiddleRowIsDeleted_reportsSeqGapAtTheNextEntry() throws {
        let archive = try archiveWithEntries()

        try tamper(archive, "DELETE FROM audit_2024_09 WHERE kafka_partition = 0 AND seq = 3")

        let found = try XCTUnwrap(archive.verify().firstBreak(partition: 0))
        XCTAssertEqual(found.seq, 4)
        XCTAssertEqual(found.kind, .seqGap(expected: 3))
        XCTAssertEqual(found.eventId, "TXN-20240902-001:audit:STEP_4")
    }

    func testVerify_whenTheLastRowIsDeleted_reportsHeadMismatch() throws {
        let archive = try archiveWithEntries()

        try tamper(archive, "DELETE FROM audit_2024_09 WHERE kafka_partition = 0 AND seq = 5")

        let found = try XCTUnwrap(archive.verify().firstBreak(partition: 0))
        XCTAssertEqual(found.kind, .headMismatch(headSeq: 5, lastSeq: 4))
    }

    func testVerify_whenTwoRowsSwapContents_reportsHashMismatchAtTheFirst() throws {
        let archive = try archiveWithEntries()
        let columns = "kafka_offset, event_id, transaction_id, event_type, service, event_time, json, prev_hash, hash"

        // Rows 2 and 4 trade everything but their seq, as if the events had been stored in another order.
        try archive.pool.write { db in
            try db.execute(sql: "CREATE TEMP TABLE saved AS SELECT seq, \(columns) FROM audit_2024_09 WHERE kafka_partition = 0 AND seq IN (2, 4)")
            for (target, source) in [(2, 4), (4, 2)] {
                try db.execute(
                    sql: """
                        UPDATE audit_2024_09 SET (\(columns)) = (SELECT \(columns) FROM saved WHERE seq = ?)
                        WHERE kafka_partition = 0 AND seq = ?
                        """,
                    arguments: [source, target])
            }
        }

        let found = try XCTUnwrap(archive.verify().firstBreak(partition: 0))
        XCTAssertEqual(found.seq, 2)
        XCTAssertEqual(found.kind, .hashMismatch)
        XCTAssertEqual(found.eventId, "TXN-20240902-001:audit:STEP_4")
    }

    func testVerify_whenAnEntryIsRewrittenWithARecomputedHash_reportsPrevHashMismatchAtTheNext() throws {
        // Someone who knows the hash rule edits entry 2 and recomputes its hash: entry 2 checks out, but
        // entry 3 still links to the original.
        let archive = try archiveWithEntries()
        try archive.pool.write { db in
            let row = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT \(StoredChainRow.columns) FROM audit_2024_09 WHERE kafka_partition = 0 AND seq = 2"))
            let original = StoredChainRow(row: row, month: "audit_2024_09")
            let forged = original.entry.with(json: original.entry.json.replacingOccurrences(of: "tok1", with: "tok9"))
            try db.execute(
                sql: "UPDATE audit_2024_09 SET json = ?, hash = ? WHERE kafka_partition = 0 AND seq = 2",
                arguments: [forged.json, Data(forged.hash(after: original.prevHash))])
        }

        let found = try XCTUnwrap(archive.verify().firstBreak(partition: 0))
        XCTAssertEqual(found.seq, 3)
        XCTAssertEqual(found.kind, .prevHashMismatch)
    }

    func testVerify_whenAnEntryIsInsertedWithATakenSeq_reportsSeqOutOfOrder() throws {
        let archive = try archiveWithEntries()
        try archive.store([Self.event(offset: 100, type: "OCTOBER", time: "2024-10-01T00:00:00Z")])

        // A copy of seq 3 planted in the October table.
        try tamper(
            archive,
            """
            INSERT INTO audit_2024_10 SELECT kafka_partition, seq, kafka_offset, event_id, transaction_id, event_type,
                service, '2024-10-02T00:00:00.000Z', json, prev_hash, hash, archived_at
            FROM audit_2024_09 WHERE kafka_partition = 0 AND seq = 3
            """)

        let found = try XCTUnwrap(archive.verify().firstBreak(partition: 0))
        XCTAssertEqual(found.seq, 3)
        XCTAssertEqual(found.kind, .seqOutOfOrder(expected: 4))
    }

    func testVerify_whenTheHeadRowIsDeleted_reportsMissingHead() throws {
        let archive = try archiveWithEntries()

        try tamper(archive, "DELETE FROM chain_heads WHERE kafka_partition = 1")

        XCTAssertEqual(try archive.verify().firstBreak(partition: 1)?.kind, .missingHead)
    }

    func testVerify_whenTheCatalogForgetsAMonth_stillChecksItsTable() throws {
        let archive = try archiveWithEntries()
        try tamper(archive, "DELETE FROM event_ids")
        try tamper(archive, "DELETE FROM partitions")

        try tamper(archive, "UPDATE audit_2024_09 SET json = json || ' ' WHERE kafka_partition = 1 AND seq = 1")

        XCTAssertEqual(try archive.verify().firstBreak(partition: 1)?.kind, .hashMismatch)
    }

    func testReportDescription_namesPartitionSeqEventAndMonth() throws {
        let archive = try archiveWithEntries()
        try tamper(archive, "DELETE FROM audit_2024_09 WHERE kafka_partition = 1 AND seq = 1")

        let text = try archive.verify().description

        XCTAssertTrue(text.hasPrefix("chain BROKEN: 6 entries in 2 partitions"), text)
        XCTAssertTrue(text.contains("partition 1 seq 2 event TXN-20240902-002:audit:STEP_2 in audit_2024_09: seq gap, expected 1"), text)
    }
}

extension ChainEntry {
    /// The same entry with other JSON, to forge rows in tests.
    func with(json: String) -> ChainEntry {
        ChainEntry(
            partition: partition, seq: seq, offset: offset, eventId: eventId, transactionId: transactionId,
            eventType: eventType, timestamp: timestamp, service: service, json: json)
    }
}
