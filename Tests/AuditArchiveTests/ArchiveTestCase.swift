import Foundation
import GRDB
import XCTest

@testable import AuditArchive

/// The base of the archive specs: a fresh archive file in its own temporary folder per test, removed
/// afterwards, and builders for `audit-trail` records.
class ArchiveTestCase: XCTestCase {
    private(set) var folder: URL!

    /// The archive file of this test.
    var path: String { folder.appendingPathComponent("archive.sqlite").path }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Opens (or reopens) the archive at ``path``.
    func openArchive() throws -> AuditArchive {
        try AuditArchive(path: path)
    }

    /// Runs raw SQL against the archive, the way someone tampering with the file would.
    func tamper(_ archive: AuditArchive, _ sql: String, _ arguments: StatementArguments = []) throws {
        try archive.pool.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    /// An audit event as a service would publish it (`AuditEvent`'s field names and order).
    static func json(
        txn: String = "TXN-20240902-001", type: String = "PAYMENT_REQUESTED", time: String = "2024-09-02T14:30:00Z",
        service: String? = "ussd-gateway", detail: String? = nil, eventId: String? = nil
    ) -> String {
        var fields = [
            "\"eventId\":\"\(eventId ?? "\(txn):audit:\(type)")\"", "\"transactionId\":\"\(txn)\"",
            "\"eventType\":\"\(type)\"", "\"msisdn\":\"tok1:Q2Z4\"", "\"timestamp\":\"\(time)\"",
        ]
        if let service { fields.append("\"service\":\"\(service)\"") }
        if let detail { fields.append("\"detail\":\"\(detail)\"") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A Kafka record of `audit-trail` carrying `json`, keyed by its `eventId` when it has one.
    static func record(_ json: String, partition: Int32 = 0, offset: Int64, key: String = "key") -> ArchiveInput {
        ArchiveInput(partition: partition, offset: offset, key: key, value: Array(json.utf8))
    }

    /// An audit event record in one call.
    static func event(
        partition: Int32 = 0, offset: Int64, txn: String = "TXN-20240902-001", type: String = "PAYMENT_REQUESTED",
        time: String = "2024-09-02T14:30:00Z", service: String? = "ussd-gateway", detail: String? = nil,
        eventId: String? = nil
    ) -> ArchiveInput {
        let json = json(txn: txn, type: type, time: time, service: service, detail: detail, eventId: eventId)
        return record(json, partition: partition, offset: offset, key: eventId ?? "\(txn):audit:\(type)")
    }

    /// `count` events of distinct types on one partition at offsets `first`, `first + 1`, …
    static func events(partition: Int32 = 0, first: Int64 = 0, count: Int, txn: String = "TXN-20240902-001",
        time: String = "2024-09-02T14:30:00Z"
    ) -> [ArchiveInput] {
        (0..<count).map { index in
            event(partition: partition, offset: first + Int64(index), txn: txn, type: "STEP_\(index + 1)", time: time)
        }
    }
}
