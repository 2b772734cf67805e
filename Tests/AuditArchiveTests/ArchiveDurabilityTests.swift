import Foundation
import GRDB
import SQLiteStore
import XCTest
@testable import AuditArchive

/// An archived audit event must survive a power loss once committed: the archive's writer syncs every
/// commit although GRDB's pool sets `synchronous = NORMAL` when it turns WAL on.
final class ArchiveDurabilityTests: XCTestCase {
    func testArchive_writerSyncsEveryCommit() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID().uuidString).sqlite").path
        addTeardownBlock { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let archive = try AuditArchive(path: path)
        XCTAssertEqual(try archive.pool.writerSynchronousLevel(), 2, "FULL")
    }
}
