import Payments
import Services
import XCTest

final class ConfirmationTextsTests: XCTestCase {
    func testLoad_shippedFile_hasSenderAndFailureTextsOfEveryTypeInBothLanguages() throws {
        let texts = try Fixtures.texts()
        XCTAssertEqual(texts.defaultLanguage, .english)
        for language in SMSLanguage.allCases {
            for type in TransactionType.knownCases {
                XCTAssertNotNil(texts.template(.sender, for: type, language: language), "\(language) \(type)")
                XCTAssertNotNil(texts.template(.failure, for: type, language: language), "\(language) \(type)")
            }
        }
    }

    func testTemplate_forUnknownOrMissingType_readsAsTransfer() throws {
        let texts = try Fixtures.texts()
        let transfer = texts.template(.sender, for: .p2pTransfer, language: .english)
        XCTAssertEqual(texts.template(.sender, for: nil, language: .english), transfer)
        XCTAssertEqual(texts.template(.sender, for: .unknown("REVERSAL"), language: .english), transfer)
    }

    func testInit_whenTemplateUsesUnknownPlaceholder_refusesTheFile() {
        let yaml = Self.minimalYAML.replacingOccurrences(of: "{amount} sent", with: "{amuont} sent")
        XCTAssertThrowsError(try ConfirmationTexts(yaml: yaml)) { error in
            XCTAssertEqual(error as? ConfirmationTextsError, .unknownPlaceholder("amuont", template: "{amuont} sent"))
        }
    }

    func testInit_whenAFailureTextIsMissing_refusesTheFile() {
        let yaml = Self.minimalYAML.replacingOccurrences(of: "      BUY_GOODS: {sender: \"{amount} sent\", failure: \"no\"}\n", with: "")
        XCTAssertThrowsError(try ConfirmationTexts(yaml: yaml)) { error in
            guard case .missingText(_, "BUY_GOODS", _)? = error as? ConfirmationTextsError else {
                return XCTFail("\(error)")
            }
        }
    }

    func testInit_whenMinimalButComplete_loads() throws {
        XCTAssertNoThrow(try ConfirmationTexts(yaml: Self.minimalYAML))
    }

    func testTemplate_optionalPart_isLeftOutOnlyWhenAValueIsMissing() throws {
        let template = try SMSTemplate(parsing: "Paid {amount}.[[ Balance {balance}.]] Done.")
        XCTAssertEqual(template.render(["amount": "Ksh1.00", "balance": "Ksh2.00"]), "Paid Ksh1.00. Balance Ksh2.00. Done.")
        XCTAssertEqual(template.render(["amount": "Ksh1.00"]), "Paid Ksh1.00. Done.")
        XCTAssertEqual(template.usedPlaceholders, ["amount", "balance"])
    }

    func testTemplate_whenBracesOrBracketsUnbalanced_isRefused() {
        XCTAssertThrowsError(try SMSTemplate(parsing: "Paid {amount"))
        XCTAssertThrowsError(try SMSTemplate(parsing: "Paid [[ {amount}"))
        XCTAssertThrowsError(try SMSTemplate(parsing: "Paid amount}"))
    }

    /// Every language and type with the two required texts and a default reason.
    static let minimalYAML: String = {
        let types = TransactionType.knownCases.map { "      \($0.rawValue): {sender: \"{amount} sent\", failure: \"no\"}\n" }.joined()
        return """
            defaultLanguage: en
            languages:
              en:
                reasons: {default: "later"}
                transactions:
            \(types)  sw:
                reasons: {default: "baadaye"}
                transactions:
            \(types)
            """
    }()
}
