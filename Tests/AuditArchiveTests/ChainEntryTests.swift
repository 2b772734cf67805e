import Crypto
import Foundation
import XCTest

@testable import AuditArchive

/// The hash rule, which must never change once an archive exists.
final class ChainEntryTests: XCTestCase {
    private let entry = ChainEntry(
        partition: 1, seq: 2, offset: 3, eventId: "e", transactionId: "t", eventType: "x",
        timestamp: "2024-09-02T14:30:00.000Z", service: "s", json: "{}")

    func testCanonicalBytes_lengthPrefixEveryFieldInAFixedOrder() {
        func field(_ bytes: [UInt8]) -> [UInt8] {
            withUnsafeBytes(of: UInt64(bytes.count).bigEndian, Array.init) + bytes
        }
        var expected = field(Array("pesagate-audit-chain/1".utf8))
        expected += field([0, 0, 0, 1]) + field([0, 0, 0, 0, 0, 0, 0, 2]) + field([0, 0, 0, 0, 0, 0, 0, 3])
        expected += field(Array("e".utf8)) + field(Array("t".utf8)) + field(Array("x".utf8))
        expected += field(Array("2024-09-02T14:30:00.000Z".utf8)) + [1] + field(Array("s".utf8)) + field(Array("{}".utf8))

        XCTAssertEqual(entry.canonicalBytes, expected)
    }

    func testHash_isSHA256OfPreviousHashThenCanonicalBytes() {
        let previous = [UInt8](repeating: 0xAB, count: 32)

        XCTAssertEqual(entry.hash(after: previous), Array(SHA256.hash(data: previous + entry.canonicalBytes)))
    }

    func testHash_whenBytesMoveFromOneFieldToTheNext_changes() {
        let shifted = ChainEntry(
            partition: 1, seq: 2, offset: 3, eventId: "e", transactionId: "tx", eventType: "",
            timestamp: entry.timestamp, service: "s", json: "{}")

        XCTAssertNotEqual(shifted.hash(after: ChainEntry.genesis), entry.hash(after: ChainEntry.genesis))
    }

    func testHash_whenServiceIsAbsentRatherThanEmpty_differs() {
        let absent = ChainEntry(
            partition: 1, seq: 2, offset: 3, eventId: "e", transactionId: "t", eventType: "x",
            timestamp: entry.timestamp, service: nil, json: "{}")
        let empty = ChainEntry(
            partition: 1, seq: 2, offset: 3, eventId: "e", transactionId: "t", eventType: "x",
            timestamp: entry.timestamp, service: "", json: "{}")

        XCTAssertNotEqual(absent.hash(after: ChainEntry.genesis), empty.hash(after: ChainEntry.genesis))
    }

    func testHash_dependsOnThePreviousHash() {
        XCTAssertNotEqual(entry.hash(after: ChainEntry.genesis), entry.hash(after: [UInt8](repeating: 1, count: 32)))
        XCTAssertEqual(ChainEntry.genesis, [UInt8](repeating: 0, count: 32))
    }
}
