import Foundation
import Payments
import XCTest

final class MSISDNTests: XCTestCase {
    func testParsing_everyAcceptedForm_normalisesTo254Form() throws {
        let forms = [
            "0712345678", "712345678", "+254712345678", "254712345678", " 254712345678", "0712 345 678",
            "0712-345-678", "+254 712 345 678", "\t+254-712-345-678\n", "00254712345678",
        ]
        for form in forms {
            XCTAssertEqual(try MSISDN(parsing: form).value, "254712345678", "form \"\(form)\"")
        }
    }

    func testParsing_the1xxMobileRange_isAccepted() throws {
        XCTAssertEqual(try MSISDN(parsing: "0110123456").value, "254110123456")
        XCTAssertEqual(try MSISDN(parsing: "+254110123456").value, "254110123456")
    }

    func testParsing_seedNumbers_areAlreadyNormal() throws {
        XCTAssertEqual(try MSISDN(parsing: "254700123456").description, "254700123456")
        XCTAssertEqual(try MSISDN(parsing: "254711987654").localForm, "0711987654")
        XCTAssertEqual(try MSISDN(parsing: "254711987654").nationalNumber, "711987654")
    }

    func testParsing_rejectsEachBadInputWithItsReason() {
        let cases: [(String, MSISDNError)] = [
            ("", .empty), ("   ", .empty), ("+", .empty), (" - ", .empty),
            ("07123abc78", .nonDigits), ("+254 712 345 67x", .nonDigits), ("(0712)345678", .nonDigits),
            ("0712.345.678", .nonDigits), ("++254712345678", .nonDigits),
            ("071234567", .wrongLength), ("07123456789", .wrongLength), ("71234567", .wrongLength),
            ("2547123456789", .wrongLength), ("25471234567", .wrongLength), ("+25471234567", .wrongLength),
            ("+2547123456789", .wrongLength), ("1234567890", .wrongLength),
            ("+255712345678", .wrongCountryCode), ("255712345678", .wrongCountryCode),
            ("+1 415 555 0100", .wrongCountryCode), ("00255712345678", .wrongCountryCode),
            ("254201234567", .notMobileRange), ("0201234567", .notMobileRange), ("+254201234567", .notMobileRange),
            ("254012345678", .notMobileRange), ("812345678", .notMobileRange),
        ]
        for (input, expected) in cases {
            XCTAssertThrowsError(try MSISDN(parsing: input), "input \"\(input)\"") {
                XCTAssertEqual($0 as? MSISDNError, expected, "input \"\(input)\"")
            }
        }
    }

    func testCodable_encodesTheNormalisedString() throws {
        let data = try EventCoding.encode([try MSISDN(parsing: "0712345678")])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"254712345678\"]")
    }

    func testCodable_decodingValidatesAndNormalises() throws {
        XCTAssertEqual(try EventCoding.decode([MSISDN].self, from: Data("[\"+254712345678\"]".utf8)),
                       [try MSISDN(parsing: "254712345678")])
        XCTAssertThrowsError(try EventCoding.decode([MSISDN].self, from: Data("[\"254201234567\"]".utf8)))
    }
}
