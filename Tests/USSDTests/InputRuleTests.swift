import XCTest

@testable import USSD

/// Input validation also normalises, so payment fields come out in the pipeline's form.
final class InputRuleTests: XCTestCase {
    func testMSISDN_acceptsTheUsualKenyanFormsAndNormalises() {
        let rule = InputRule(kind: .msisdn)
        for typed in ["0711987654", "711987654", "254711987654", "+254711987654"] {
            XCTAssertEqual(rule.normalise(typed), "254711987654", typed)
        }
        XCTAssertEqual(rule.normalise("0110123456"), "254110123456")
    }

    func testMSISDN_refusesOtherNumbers() {
        let rule = InputRule(kind: .msisdn)
        for typed in ["", "07119876", "07119876541", "0811987654", "255711987654", "07119876a4", "07 1198765"] {
            XCTAssertNil(rule.normalise(typed), typed)
        }
    }

    func testAmount_acceptsWholeShillingsWithinRange() {
        let rule = InputRule(kind: .amount(min: 50, max: 250_000))
        XCTAssertEqual(rule.normalise("50"), "50")
        XCTAssertEqual(rule.normalise("250000"), "250000")
        for typed in ["49", "250001", "050", "1,000", "100.5", "-100", "", "99999999999999999999"] {
            XCTAssertNil(rule.normalise(typed), typed)
        }
    }

    func testDigits_checkTheLengthRange() {
        let rule = InputRule(kind: .digits(minLength: 5, maxLength: 7))
        XCTAssertEqual(rule.normalise("12345"), "12345")
        XCTAssertNil(rule.normalise("1234"))
        XCTAssertNil(rule.normalise("12345678"))
        XCTAssertNil(rule.normalise("12a45"))
        XCTAssertNil(rule.normalise("١٢٣٤٥"), "digits of other scripts are not keypad digits")
    }

    func testText_allowsLettersDigitsAndHyphens() {
        let rule = InputRule(kind: .text(minLength: 1, maxLength: 12))
        XCTAssertEqual(rule.normalise("ACC-42"), "ACC-42")
        XCTAssertNil(rule.normalise("ACC 42"))
        XCTAssertNil(rule.normalise("AB*12"))
        XCTAssertNil(rule.normalise("ABCDEFGHIJKLM"))
    }

    func testPIN_needsExactlyItsLengthInDigits() {
        let rule = InputRule(kind: .pin(length: 4))
        XCTAssertEqual(rule.normalise("0000"), "0000")
        XCTAssertNil(rule.normalise("123"))
        XCTAssertNil(rule.normalise("12345"))
    }

    func testDisplayWidth_countsThousandsSeparators() {
        XCTAssertEqual(InputRule(kind: .amount(min: 1, max: 250_000)).displayWidth(format: .thousands), 7)
        XCTAssertEqual(InputRule(kind: .amount(min: 1, max: 250_000)).displayWidth(format: .plain), 6)
        XCTAssertEqual(InputRule(kind: .msisdn).displayWidth(format: .plain), 12)
        XCTAssertNil(InputRule(kind: .pin(length: 4)).displayWidth(format: .plain))
    }
}
