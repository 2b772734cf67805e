import Foundation
import Synchronization
import GRDB
import SQLiteStore
import Ledger
import XCTest

/// Several processes of one service share a data directory and start together: each migrates the
/// same SQLite files at the same moment.
final class SharedMigrationTests: XCTestCase {
    func testMigrateSharedFile_whenFourWritersMigrateOneFileAtOnce_allSucceedAndTheSchemaExistsOnce() throws {
        for round in 0..<10 {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("shared-migration-\(UUID().uuidString).sqlite").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            let pools = try (0..<4).map { _ in try DatabasePool(path: path, configuration: configuration) }
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1") { db in
                try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY)")
            }
            migrator.registerMigration("v2") { db in
                try db.execute(sql: "CREATE TABLE u (id INTEGER PRIMARY KEY)")
            }
            let shared = migrator
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: pools.count) { index in
                do { try shared.migrateSharedFile(pools[index]) } catch { failures.withLock { $0.append("\(error)") } }
            }
            XCTAssertEqual(failures.withLock { $0 }, [], "round \(round)")
            let applied = try pools[0].read { try migrator.appliedMigrations($0) }
            XCTAssertEqual(applied, ["v1", "v2"])
        }
    }
}
