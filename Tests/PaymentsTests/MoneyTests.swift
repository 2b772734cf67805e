import Foundation
import Payments
import XCTest

final class MoneyTests: XCTestCase {
    // MARK: formatting, as in the seed's SMS

    func testFormatted_seedAmounts_readLikeTheSMS() {
        XCTAssertEqual(Money.shillings(5_000).formatted, "Ksh5,000.00")
        XCTAssertEqual(Money.shillings(19_985).formatted, "Ksh19,985.00")
        XCTAssertEqual(Money.shillings(15).formatted, "Ksh15.00")
    }

    func testFormatted_edgeAmounts() {
        XCTAssertEqual(Money.zero.formatted, "Ksh0.00")
        XCTAssertEqual(Money.shillings(999).formatted, "Ksh999.00")
        XCTAssertEqual(Money.shillings(1_000).formatted, "Ksh1,000.00")
        XCTAssertEqual(Money.shillings(1_000_000).formatted, "Ksh1,000,000.00")
        XCTAssertEqual(Money.shillings(-15).formatted, "-Ksh15.00")
        XCTAssertEqual(Money.shillings(.max).formatted, "Ksh9,223,372,036,854,775,807.00")
        XCTAssertEqual(Money.shillings(.min).formatted, "-Ksh9,223,372,036,854,775,808.00")
        XCTAssertEqual(Money(amount: 1_500, currency: "USD").formatted, "USD1,500.00")
    }

    // MARK: arithmetic never traps

    func testAdding_whenSumFits_returnsSum() throws {
        XCTAssertEqual(try Money.shillings(5_000).adding(15), 5_015)
        XCTAssertEqual(try Money.shillings(25_000).subtracting(5_015), 19_985)
        XCTAssertEqual(try Money.shillings(15).multiplied(by: 3), 45)
    }

    func testAdding_whenOverflowing_throwsOverflow() {
        XCTAssertThrowsError(try Money.shillings(.max).adding(1)) { XCTAssertEqual($0 as? MoneyError, .overflow) }
        XCTAssertThrowsError(try Money.shillings(.min).subtracting(1)) { XCTAssertEqual($0 as? MoneyError, .overflow) }
        XCTAssertThrowsError(try Money.shillings(.max).multiplied(by: 2)) { XCTAssertEqual($0 as? MoneyError, .overflow) }
        XCTAssertThrowsError(try Money.shillings(.min).negated()) { XCTAssertEqual($0 as? MoneyError, .overflow) }
    }

    func testAdding_whenCurrenciesDiffer_throwsMismatch() {
        XCTAssertThrowsError(try Money.shillings(1).adding(Money(amount: 1, currency: "USD"))) {
            XCTAssertEqual($0 as? MoneyError, .currencyMismatch("KES", "USD"))
        }
    }

    func testNegated_flipsSign() throws {
        XCTAssertEqual(try Money.shillings(15).negated(), -15)
        XCTAssertTrue(Money.shillings(-1).isNegative)
        XCTAssertTrue(Money.zero.isZero)
        XCTAssertLessThan(Money.shillings(14), Money.shillings(15))
    }

    // MARK: JSON is a plain integer

    func testCodable_encodesAsPlainInteger() throws {
        let data = try EventCoding.encode([Money.shillings(5_000)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[5000]")
        XCTAssertEqual(try EventCoding.decode([Money].self, from: Data("[9223372036854775807]".utf8)),
                       [Money.shillings(.max)])
    }

    func testCodable_whenNotAnInteger_fails() {
        XCTAssertThrowsError(try EventCoding.decode([Money].self, from: Data("[1.5]".utf8)))
        XCTAssertThrowsError(try EventCoding.decode([Money].self, from: Data("[9223372036854775808]".utf8)))
        XCTAssertThrowsError(try EventCoding.decode([Money].self, from: Data("[\"5000\"]".utf8)))
    }

    // MARK: parsing what a person typed

    func testParsing_plainAndGroupedAmounts() throws {
        XCTAssertEqual(try Money(parsing: "5000"), 5_000)
        XCTAssertEqual(try Money(parsing: " 5,000 "), 5_000)
        XCTAssertEqual(try Money(parsing: "1,000,000"), 1_000_000)
        XCTAssertEqual(try Money(parsing: "007"), 7)
        XCTAssertEqual(try Money(parsing: "9223372036854775807"), Money.shillings(.max))
    }

    func testParsing_rejectsEachBadInputWithItsReason() {
        let cases: [(String, MoneyParseError)] = [
            ("", .empty), ("   ", .empty), ("abc", .notANumber), ("12a", .notANumber), ("-", .notANumber),
            ("+5", .notANumber), ("0", .zero), ("0,000", .zero), ("-5", .negative), ("-5,000", .negative),
            ("5000.50", .fractional), ("5000.00", .fractional), ("5,00", .misplacedSeparator),
            (",500", .misplacedSeparator), ("5,,000", .misplacedSeparator), ("5000,", .misplacedSeparator),
            ("1234,567", .misplacedSeparator), ("9223372036854775808", .overflow),
            ("99999999999999999999999", .overflow), ("٥٠٠٠", .notANumber),
        ]
        for (input, expected) in cases {
            XCTAssertThrowsError(try Money(parsing: input), "input \"\(input)\"") {
                XCTAssertEqual($0 as? MoneyParseError, expected, "input \"\(input)\"")
            }
        }
    }
}
