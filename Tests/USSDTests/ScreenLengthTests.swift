import XCTest

@testable import USSD

/// 182 GSM-7 septets (extension characters count two) or 80 UCS-2 characters; CON/END is not counted.
final class ScreenLengthTests: XCTestCase {
    func testOf_countsExtensionCharactersTwice() {
        XCTAssertEqual(ScreenLength.of("a€[]"), ScreenLength(count: 7, isGSM7: true))
    }

    func testOf_whenACharacterIsOutsideGSM7_countsUTF16UnitsAgainst80() {
        let length = ScreenLength.of("Asante ✓")
        XCTAssertEqual(length, ScreenLength(count: 8, isGSM7: false))
        XCTAssertEqual(length.limit, 80)
    }

    func testOf_acceptsExactly182Septets() {
        XCTAssertTrue(ScreenLength.of(String(repeating: "a", count: 182)).fits)
        XCTAssertFalse(ScreenLength.of(String(repeating: "a", count: 181) + "€").fits)
    }

    func testWorstCase_countsEachVariableAtItsWidth() throws {
        let template = try Template.parse("Pay {amount} to {name}")
        let length = ScreenLength.worstCase(of: template, width: { $0 == "amount" ? 7 : 24 })
        XCTAssertEqual(length, ScreenLength(count: 8 + 7 + 24, isGSM7: true))
    }
}
