import Foundation
import XCTest

@testable import AuditArchive

final class MalformedRecordTests: ArchiveTestCase {
    func testStore_whenValueIsNotJSON_keepsItAsMalformedAndAdvancesHead() throws {
        let archive = try openArchive()

        let outcome = try archive.store([Self.record("hello, not json", partition: 2, offset: 9, key: "k9")])

        XCTAssertEqual(outcome, ArchiveStoreOutcome(malformed: 1))
        let kept = try XCTUnwrap(archive.malformedRecords().first)
        XCTAssertEqual(kept.partition, 2)
        XCTAssertEqual(kept.offset, 9)
        XCTAssertEqual(kept.key, "k9")
        XCTAssertEqual(kept.value, Array("hello, not json".utf8))
        XCTAssertTrue(kept.error.hasPrefix("value is not JSON"), kept.error)
        XCTAssertEqual(try archive.headOffsets(), [2: 9])
        XCTAssertEqual(try archive.count(), 0)
    }

    func testStore_whenARequiredFieldIsMissing_namesThatField() throws {
        let archive = try openArchive()
        let complete: [String: String] = [
            "eventId": "e", "transactionId": "TXN-20240902-001", "eventType": "T", "timestamp": "2024-09-02T14:30:00Z",
        ]
        let names = ["eventId", "transactionId", "eventType", "timestamp"]
        let records = try names.enumerated().map { index, name in
            var fields = complete
            fields[name] = nil
            let json = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
            return Self.record(json, offset: Int64(index))
        }

        XCTAssertEqual(try archive.store(records), ArchiveStoreOutcome(malformed: 4))

        XCTAssertEqual(
            try archive.malformedRecords().map(\.error),
            names.map { "missing field \"\($0)\" (or not a non-empty string)" })
    }

    func testStore_whenAFieldIsNotAString_keepsItAsMalformed() throws {
        let archive = try openArchive()
        let json = #"{"eventId":42,"transactionId":"TXN-1","eventType":"T","timestamp":"2024-09-02T14:30:00Z"}"#

        XCTAssertEqual(try archive.store([Self.record(json, offset: 0)]), ArchiveStoreOutcome(malformed: 1))
    }

    func testStore_whenTimestampIsNotISO8601_keepsItAsMalformed() throws {
        let archive = try openArchive()

        let outcome = try archive.store([
            Self.event(offset: 0, type: "A", time: "02/09/2024 14:30"),
            Self.event(offset: 1, type: "B", time: "1969-12-31T23:59:59Z"),
        ])

        XCTAssertEqual(outcome, ArchiveStoreOutcome(malformed: 2))
        XCTAssertEqual(
            try archive.malformedRecords().map(\.error).first,
            "timestamp \"02/09/2024 14:30\" is not an ISO-8601 time from 1970 to 9998")
    }

    func testStore_whenValueIsNotUTF8_keepsTheRawBytes() throws {
        let archive = try openArchive()
        let bytes: [UInt8] = [0x7B, 0xFF, 0xFE, 0x7D]

        try archive.store([ArchiveInput(partition: 0, offset: 0, key: "k", value: bytes)])

        let kept = try XCTUnwrap(archive.malformedRecords().first)
        XCTAssertEqual(kept.value, bytes)
        XCTAssertEqual(kept.error, "value is not UTF-8")
    }

    func testStore_whenJSONIsNotAnObject_keepsItAsMalformed() throws {
        let archive = try openArchive()

        try archive.store([Self.record(#"["eventId"]"#, offset: 0), Self.record("42", offset: 1)])

        XCTAssertEqual(try archive.malformedRecords().map(\.error), Array(repeating: "value is JSON but not an object", count: 2))
    }

    func testStore_whenMalformedRecordIsRedelivered_keepsItOnce() throws {
        let archive = try openArchive()
        try archive.store([Self.record("garbage", offset: 0)])

        XCTAssertEqual(try archive.store([Self.record("garbage", offset: 0)]), ArchiveStoreOutcome(redelivered: 1))
        XCTAssertEqual(try archive.malformedRecords().count, 1)
    }

    func testStore_whenMalformedRecordSitsBetweenEvents_chainStaysContiguous() throws {
        let archive = try openArchive()

        let outcome = try archive.store([
            Self.event(offset: 0, type: "A"), Self.record("garbage", offset: 1), Self.event(offset: 2, type: "B"),
        ])

        XCTAssertEqual(outcome, ArchiveStoreOutcome(stored: 2, malformed: 1))
        XCTAssertEqual(try archive.timeline(transactionId: "TXN-20240902-001").map(\.seq), [1, 2])
        XCTAssertTrue(try archive.verify().isIntact)
    }
}
