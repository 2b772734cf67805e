import GSM0338
import XCTest

@testable import USSD

final class PaginatorTests: XCTestCase {
    private let paginator = Paginator(moreLine: "98 More", backLine: "0 Back")

    func testPaginate_whenScreenFits_keepsItWhole() {
        XCTAssertEqual(
            paginator.paginate(content: ["Hello", "1 Yes"], navigation: ["0 Back"], backOnFirst: true, closes: false),
            ["Hello\n1 Yes\n0 Back"]
        )
    }

    func testPaginate_neverSplitsAnExtensionCharacterAndLosesNothing() {
        let euros = String(repeating: "€", count: 200)
        let pages = paginator.paginate(content: [euros], navigation: [], backOnFirst: false, closes: true)
        for page in pages { XCTAssertLessThanOrEqual(GSM7.septetCount(page) ?? .max, 182) }
        let content = pages.map {
            $0.replacingOccurrences(of: "\n98 More", with: "").replacingOccurrences(of: "\n0 Back", with: "")
        }
        XCTAssertEqual(content.joined(), euros)
    }

    func testPaginate_whenTextIsUCS2_usesThe80CharacterLimit() {
        let text = String(repeating: "Ω✓", count: 60)
        let pages = paginator.paginate(content: [text], navigation: [], backOnFirst: false, closes: true)
        XCTAssertGreaterThan(pages.count, 1)
        for page in pages { XCTAssertLessThanOrEqual(page.utf16.count, 80, page) }
    }

    func testPaginate_breaksAtSpacesWhenItCan() {
        let words = (1...60).map { "w\($0)" }
        let pages = paginator.paginate(
            content: [words.joined(separator: " ")], navigation: [], backOnFirst: false, closes: true)
        let shown = pages.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) }
        XCTAssertEqual(shown.filter { $0.hasPrefix("w") }, words)
    }
}
