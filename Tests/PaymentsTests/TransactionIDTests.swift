import Foundation
import Payments
import Synchronization
import XCTest

final class TransactionIDTests: XCTestCase {
    func testParsing_seedId_isAccepted() throws {
        let id = try TransactionID(parsing: "TXN-20240902-001")
        XCTAssertEqual(id.datePart, "20240902")
        XCTAssertEqual(id.suffix, "001")
        XCTAssertEqual(id.description, "TXN-20240902-001")
    }

    func testParsing_rejectsMalformedIds() {
        let cases: [(String, TransactionIDError)] = [
            ("", .wrongPrefix), ("TXN-20240902-", .wrongPrefix), ("txn-20240902-001", .wrongPrefix),
            ("TRX-20240902-001", .wrongPrefix), ("TXN-2024092-0001", .invalidDate), ("TXN-20241302-001", .invalidDate),
            ("TXN-20240900-001", .invalidDate), ("TXN-2024O902-001", .invalidDate), ("TXN-20240902_001", .invalidSuffix),
            ("TXN-20240902-abc", .invalidSuffix), ("TXN-20240902-00 1", .invalidSuffix),
            ("TXN-20240902-" + String(repeating: "A", count: 33), .invalidSuffix),
        ]
        for (input, expected) in cases {
            XCTAssertThrowsError(try TransactionID(parsing: input), "input \"\(input)\"") {
                XCTAssertEqual($0 as? TransactionIDError, expected, "input \"\(input)\"")
            }
        }
    }

    func testGenerator_datesIdsByInjectedClockInUTC() throws {
        // 2024-09-02T23:59:59Z is already the 3rd in Nairobi: the date must still be UTC's.
        let generator = TransactionIDGenerator(instance: 0, now: { Date(timeIntervalSince1970: 1_725_321_599) })
        let id = generator.next()
        XCTAssertEqual(id.datePart, "20240902")
        XCTAssertEqual(id.value, "TXN-20240902-00000000000")
        XCTAssertEqual(generator.next().value, "TXN-20240902-00000000001")
    }

    func testGenerator_idsParseBackAndCarryTheInstancePrefix() throws {
        let generator = TransactionIDGenerator(instance: (1 << 40) - 1, startingCounter: UInt64.max)
        XCTAssertEqual(generator.instancePrefix, "ZZZZZZZZ")
        let id = generator.next()
        XCTAssertEqual(try TransactionID(parsing: id.value), id)
        XCTAssertEqual(id.suffix, "ZZZZZZZZ" + "FZZZZZZZZZZZZ")
    }

    func testGenerator_differentInstances_neverCollideOnSameCounter() {
        let date = Date(timeIntervalSince1970: 1_725_287_400)
        let a = TransactionIDGenerator(instance: 1, now: { date })
        let b = TransactionIDGenerator(instance: 2, now: { date })
        XCTAssertNotEqual(a.next(), b.next())
    }

    func testGenerator_100kIdsFrom4ConcurrentTasks_areAllUniqueAndValid() async throws {
        let generator = TransactionIDGenerator()
        let ids = await withTaskGroup(of: [TransactionID].self) { group in
            for _ in 0..<4 {
                group.addTask { (0..<25_000).map { _ in generator.next() } }
            }
            var all: [TransactionID] = []
            for await batch in group { all += batch }
            return all
        }
        XCTAssertEqual(ids.count, 100_000)
        XCTAssertEqual(Set(ids).count, 100_000)
        for id in ids.prefix(1_000) {
            XCTAssertEqual(try TransactionID(parsing: id.value), id)
        }
    }

    func testGenerator_sharedIsOneInstance() {
        XCTAssertTrue(TransactionIDGenerator.shared === TransactionIDGenerator.shared)
        XCTAssertEqual(TransactionIDGenerator.shared.instancePrefix.count, 8)
    }
}
