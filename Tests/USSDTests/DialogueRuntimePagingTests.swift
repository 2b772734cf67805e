import GSM0338
import XCTest

@testable import USSD

/// Values filled in at run time: transliterated to GSM-7, and paginated rather than cut when too long.
final class DialogueRuntimePagingTests: XCTestCase {
    private func confirmScreen(name: String) -> (Dialogue, DialogueStep) {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1", "0711987654", "5000"])
        _ = dialogue.resume(with: .name(name))
        let step = dialogue.resume(with: .fee(57))
        return (dialogue, step)
    }

    func testAccentedName_isTransliteratedSoTheScreenStaysGSM7() {
        let (_, step) = confirmScreen(name: "Zoë Łukasz")
        XCTAssertEqual(step, .con("Send Ksh5,000 to Zoe Lukasz 254711987654?\nFee Ksh57\n1 Confirm\n2 Cancel\n0 Back"))
        if case .con(let text) = step { XCTAssertTrue(GSM7.canEncode(text)) }
    }

    func testLongName_isPaginatedNeverCut() {
        let words = (1...30).map { "NAME\($0)" }
        let (dialogue, first) = confirmScreen(name: words.joined(separator: " "))
        var dialogueCopy = dialogue
        var pages: [String] = []
        var step = first
        while case .con(let text) = step, pages.count < 10 {
            pages.append(text)
            guard text.hasSuffix("98 More\n0 Back") else { break }
            step = dialogueCopy.receive("98")
        }
        XCTAssertGreaterThan(pages.count, 1)
        for page in pages { XCTAssertLessThanOrEqual(GSM7.septetCount(page) ?? .max, 182, page) }
        let shown = pages.joined(separator: " ")
        var cursor = shown.startIndex
        for word in words + ["254711987654?", "Fee Ksh57"] {
            let found = shown.range(of: word, range: cursor..<shown.endIndex)
            XCTAssertNotNil(found, word)
            cursor = found?.upperBound ?? cursor
        }
        XCTAssertTrue(pages.last?.hasSuffix("1 Confirm\n2 Cancel\n0 Back") ?? false)
    }

    func testLongName_pagesNavigateBackAndTheChoiceWorksFromAnyPage() {
        let (start, first) = confirmScreen(name: String(repeating: "MWANGI ", count: 40))
        var dialogue = start
        let second = dialogue.receive("98")
        XCTAssertNotEqual(second, first)
        XCTAssertEqual(dialogue.receive("0"), first)
        XCTAssertEqual(dialogue.receive("0"), .con("Enter amount\n0 Back"))
    }

    func testLongStatement_spreadsOverPagesAndOnlyTheLastOneEnds() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["98", "5", "2", "1234"])
        _ = dialogue.resume(with: .pinAccepted)
        let lines = (1...5).map { "RLA0R69NX\($0) 2/9/24 -1,250.00 PAID TO SHOP NUMBER \($0)" }
        let first = dialogue.resume(with: .succeeded(["statement": lines.joined(separator: "\n")]))
        guard case .con(let page1) = first else { return XCTFail("expected a first page, got \(first)") }
        XCTAssertTrue(page1.hasPrefix("M-PESA mini statement:\n\(lines[0])"))
        XCTAssertTrue(page1.hasSuffix("\n98 More"))
        XCTAssertFalse(dialogue.isFinished)
        var last = dialogue.receive("98")
        while case .con = last { last = dialogue.receive("98") }
        guard case .end(let final) = last else { return XCTFail("expected the last page to end") }
        XCTAssertTrue(final.hasSuffix(lines[4]))
        XCTAssertTrue(dialogue.isFinished)
    }

    func testInvalidChoice_onAPaginatedScreen_putsTheErrorOnTopOfAFullPage() {
        var (dialogue, _) = confirmScreen(name: (1...30).map { "NAME\($0)" }.joined(separator: " "))
        _ = dialogue.receive("98")
        let step = dialogue.receive("7")
        guard case .con(let page) = step else { return XCTFail("expected a screen, got \(step)") }
        XCTAssertTrue(page.hasPrefix("Invalid choice.\nSend Ksh5,000 to NAME1 NAME2"), page)
        XCTAssertTrue(page.hasSuffix("\n98 More\n0 Back"), page)
        XCTAssertLessThanOrEqual(GSM7.septetCount(page) ?? .max, 182)
    }
}
