import XCTest

@testable import USSD

final class TemplateTests: XCTestCase {
    func testParse_separatesLiteralsAndVariables() throws {
        let template = try Template.parse("Send Ksh{amount} to {recipientName}?")
        XCTAssertEqual(
            template.segments,
            [
                .literal("Send Ksh"), .variable("amount"), .literal(" to "), .variable("recipientName"), .literal("?"),
            ])
        XCTAssertEqual(template.variables, ["amount", "recipientName"])
    }

    func testParse_refusesBrokenPlaceholders() {
        XCTAssertThrowsError(try Template.parse("Ksh{amount")) {
            XCTAssertEqual($0 as? Template.ParseError, .unclosedBrace)
        }
        XCTAssertThrowsError(try Template.parse("Ksh{}")) { XCTAssertEqual($0 as? Template.ParseError, .emptyName) }
        XCTAssertThrowsError(try Template.parse("Ksh}")) {
            XCTAssertEqual($0 as? Template.ParseError, .strayClosingBrace)
        }
        XCTAssertThrowsError(try Template.parse("{a b}")) { XCTAssertEqual($0 as? Template.ParseError, .unclosedBrace) }
    }

    func testFill_replacesEveryVariable() throws {
        let template = try Template.parse("{a} and {b}")
        XCTAssertEqual(template.fill { $0.uppercased() }, "A and B")
    }

    func testThousands_groupsDigitsOnly() {
        XCTAssertEqual(VariableSpec.groupThousands("250000"), "250,000")
        XCTAssertEqual(VariableSpec.groupThousands("5000"), "5,000")
        XCTAssertEqual(VariableSpec.groupThousands("999"), "999")
        XCTAssertEqual(VariableSpec.groupThousands("25,000.00"), "25,000.00")
    }
}
