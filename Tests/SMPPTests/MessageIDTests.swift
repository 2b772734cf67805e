import SMPP
import XCTest

final class MessageIDTests: XCTestCase {
    func testNormalized_hex0AAndDecimal10_areTheSameMessage() {
        XCTAssertEqual(MessageID.normalized("0A", base: .hex), MessageID.normalized("10", base: .decimal))
        XCTAssertTrue(MessageID.matches("0A", base: .hex, "10", base: .decimal))
    }

    func testNormalized_sameBase10_differsByBase() {
        // Why the base is a per-link setting: "10" alone is ambiguous.
        XCTAssertFalse(MessageID.matches("10", base: .hex, "10", base: .decimal))
    }

    func testNormalized_ignoresLeadingZerosAndCase() {
        XCTAssertTrue(MessageID.matches("000ABCdef", base: .hex, "abcDEF", base: .hex))
        XCTAssertTrue(MessageID.matches("0000042", base: .decimal, "42", base: .decimal))
        XCTAssertEqual(MessageID.normalized("0000", base: .decimal), "0")
    }

    func testNormalized_longIdsBeyond64Bits_convertExactly() {
        // 2^80 = 0x1_0000_0000_0000_0000_0000 = 1208925819614629174706176.
        XCTAssertTrue(MessageID.matches("100000000000000000000", base: .hex, "1208925819614629174706176", base: .decimal))
        XCTAssertEqual(MessageID.convert("100000000000000000000", from: .hex, to: .decimal), "1208925819614629174706176")
    }

    func testConvert_betweenBases() {
        XCTAssertEqual(MessageID.convert("255", from: .decimal, to: .hex), "ff")
        XCTAssertEqual(MessageID.convert("00FF", from: .hex, to: .decimal), "255")
        XCTAssertNil(MessageID.convert("12G", from: .hex, to: .decimal))
    }

    func testNormalized_nonNumericIds_compareIgnoringCaseAndPadding() {
        XCTAssertTrue(MessageID.matches(" msg-00ab\0", base: .decimal, "MSG-00AB", base: .hex))
        XCTAssertFalse(MessageID.matches("msg-1", base: .hex, "msg-2", base: .hex))
    }
}
