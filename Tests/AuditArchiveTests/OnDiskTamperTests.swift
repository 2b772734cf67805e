import Foundation
import XCTest

@testable import AuditArchive

/// Tampering that bypasses SQLite: a byte flipped in the database file while the archive is closed.
final class OnDiskTamperTests: ArchiveTestCase {
    func testVerify_whenAByteOfJSONIsFlippedInTheFileOnDisk_reportsHashMismatch() throws {
        // Given a closed archive whose JSON holds a marker found nowhere else in the file
        var archive = try openArchive()
        try archive.store(
            Self.events(count: 3) + [Self.event(offset: 3, type: "DECIDED", detail: "marker-QXZJV-approved")]
                + Self.events(first: 4, count: 2, txn: "TXN-20240902-002"))
        try archive.close()

        // When one byte of the marker is changed in the file (and in the WAL, should one be left)
        let flipped = try flip(marker: "marker-QXZJV", files: [path, path + "-wal"])
        XCTAssertGreaterThan(flipped, 0, "the marker must be on disk")

        // Then the reopened archive reports the entry as edited
        archive = try openArchive()
        let report = try archive.verify()
        XCTAssertEqual(
            report.breaks,
            [ChainBreak(partition: 0, seq: 4, eventId: "TXN-20240902-001:audit:DECIDED", month: "audit_2024_09", kind: .hashMismatch)])
        XCTAssertTrue(try archive.timeline(transactionId: "TXN-20240902-001")[3].json.contains("marker-RXZJV"))
    }

    func testVerify_afterCloseAndReopenWithoutTampering_reportsIntact() throws {
        var archive = try openArchive()
        try archive.store(Self.events(count: 3))
        try archive.close()

        archive = try openArchive()

        XCTAssertTrue(try archive.verify().isIntact)
    }

    /// Changes the first letter after `marker-` (Q → R) at every occurrence; returns how many.
    private func flip(marker: String, files: [String]) throws -> Int {
        let needle = Array(marker.utf8)
        var count = 0
        for file in files where FileManager.default.fileExists(atPath: file) {
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle {
                    bytes[index + 7] ^= 0x03  // 'Q' (0x51) becomes 'R' (0x52)
                    count += 1
                    index += needle.count
                } else {
                    index += 1
                }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: file))
        }
        return count
    }
}
