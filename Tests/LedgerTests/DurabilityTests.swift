import Foundation
import GRDB
import SQLiteStore
import Ledger
import XCTest

/// What is acknowledged must survive a power loss: every durable store's writer syncs each commit
/// (`synchronous = FULL`), although GRDB's pool sets NORMAL when it turns WAL on.
final class DurabilityTests: XCTestCase {
    func temporaryPath() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("durable-\(UUID().uuidString).sqlite").path
        addTeardownBlock { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        return path
    }

    func testPlainPool_withThePragmaInPrepareDatabase_endsUpNormal_whichIsWhyDurableExists() throws {
        var configuration = Configuration()
        configuration.prepareDatabase { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        let pool = try DatabasePool(path: temporaryPath(), configuration: configuration)
        XCTAssertEqual(try pool.writerSynchronousLevel(), 1, "NORMAL: GRDB's WAL set-up overrides prepareDatabase")
    }

    func testDurablePool_writerSyncsEveryCommit() throws {
        let pool = try DatabasePool.durable(path: temporaryPath(), configuration: Configuration())
        XCTAssertEqual(try pool.writerSynchronousLevel(), 2)
    }

    func testLedgerOpenedForService_isFull() throws {
        let ledger = try LedgerDatabase.open(
            path: temporaryPath(), tokenizer: try MSISDNTokenizer(keyId: "t", key: Data(repeating: 1, count: 32)),
            pinHasher: try PINHasher(pepper: Data(repeating: 2, count: 32)))
        XCTAssertEqual(try (ledger.writer as? DatabasePool)?.writerSynchronousLevel(), 2)
    }

    func testUnsyncedWrite_commits_andLeavesTheConnectionFull() throws {
        let pool = try DatabasePool.durable(path: temporaryPath(), configuration: Configuration())
        try pool.write { try $0.execute(sql: "CREATE TABLE mark (id INTEGER PRIMARY KEY)") }
        let level = try pool.writeUnsynced { db -> Int in
            try db.execute(sql: "INSERT INTO mark (id) VALUES (1)")
            return try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
        }
        XCTAssertEqual(level, 1, "NORMAL inside")
        XCTAssertEqual(try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM mark") }, 1)
        XCTAssertEqual(try pool.writerSynchronousLevel(), 2, "FULL again for the next durable commit")
    }
}
