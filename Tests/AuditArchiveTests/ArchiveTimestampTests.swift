import Foundation
import XCTest

@testable import AuditArchive

final class ArchiveTimestampTests: XCTestCase {
    func testText_isUTCWithThreeFractionDigits() throws {
        XCTAssertEqual(ArchiveTimestamp(parsing: "2024-09-02T14:30:00Z")?.text, "2024-09-02T14:30:00.000Z")
        XCTAssertEqual(ArchiveTimestamp(parsing: "2024-09-02T14:30:00.1Z")?.text, "2024-09-02T14:30:00.100Z")
        XCTAssertEqual(ArchiveTimestamp(parsing: "2024-09-02T17:30:00.250+03:00")?.text, "2024-09-02T14:30:00.250Z")
    }

    func testParsing_whenNotAnISO8601Time_fails() {
        XCTAssertNil(ArchiveTimestamp(parsing: "yesterday"))
        XCTAssertNil(ArchiveTimestamp(parsing: "2024-09-02"))
    }

    func testParsing_whenBefore1970_fails() {
        XCTAssertNil(ArchiveTimestamp(parsing: "1969-12-31T23:59:59Z"))
        XCTAssertNotNil(ArchiveTimestamp(parsing: "1970-01-01T00:00:00Z"))
    }

    func testParsing_whenInTheYear9999_fails() {
        // The month table of December 9998 is bounded by 9999-01, the last four-digit bound.
        XCTAssertNotNil(ArchiveTimestamp(parsing: "9998-12-31T23:59:59.999Z"))
        XCTAssertNil(ArchiveTimestamp(parsing: "9999-01-01T00:00:00Z"))
    }

    func testMonth_namesTheTableOfTheUTCMonth() throws {
        XCTAssertEqual(ArchiveTimestamp(parsing: "2024-01-01T02:00:00+03:00")?.month.tableName, "audit_2023_12")
    }

    func testMonthTableName_roundTripsAndRejectsForeignNames() {
        XCTAssertEqual(ArchiveMonth(tableName: "audit_2024_09"), ArchiveMonth(year: 2024, month: 9))
        XCTAssertNil(ArchiveMonth(tableName: "audit_2024_13"))
        XCTAssertNil(ArchiveMonth(tableName: "audit_2024_09\"; DROP TABLE x; --"))
        XCTAssertNil(ArchiveMonth(tableName: "audit_24_09"))
    }

    func testMonthBounds_runFromTheFirstToTheFirstOfTheNextMonth() throws {
        let december = try XCTUnwrap(ArchiveMonth(year: 2023, month: 12))

        XCTAssertEqual(december.start, Date(timeIntervalSince1970: 1_701_388_800))
        XCTAssertEqual(december.end, Date(timeIntervalSince1970: 1_704_067_200))
    }
}
