import HandsetKit
import XCTest

final class AggregatorRulesTests: XCTestCase {
    private let rules = AggregatorRules()

    func testJudge_whenBodyStartsWithCON_keepsTheSessionOpen() throws {
        let screen = try rules.judge(HTTPReply(status: 200, body: "CON Enter amount")).get()
        XCTAssertEqual(screen, USSDScreen(text: "Enter amount", isFinal: false))
    }

    func testJudge_whenBodyStartsWithEND_closesTheSession() throws {
        let screen = try rules.judge(HTTPReply(status: 200, body: "END Thank you")).get()
        XCTAssertTrue(screen.isFinal)
        XCTAssertEqual(screen.text, "Thank you")
    }

    func testJudge_whenBodyHasNeitherPrefix_isABreach() {
        XCTAssertEqual(judgeFailure("Enter amount"), .missingPrefix(body: "Enter amount"))
        // Lower case is not the convention: a real aggregator drops it too.
        XCTAssertEqual(judgeFailure("con Enter amount"), .missingPrefix(body: "con Enter amount"))
    }

    func testJudge_whenHTTPStatusIsNot200_isABreach() {
        XCTAssertEqual(
            rules.judge(HTTPReply(status: 500, body: "oops")).failureValue, .httpStatus(500, body: "oops"))
    }

    func testJudge_whenGSMScreenHas182Characters_isAccepted() {
        XCTAssertNil(judgeFailure("CON " + String(repeating: "a", count: 182)))
    }

    func testJudge_whenGSMScreenHas183Characters_isTooLong() {
        XCTAssertEqual(
            judgeFailure("CON " + String(repeating: "a", count: 183)),
            .screenTooLong(characters: 183, limit: 182, alphabet: "GSM-7"))
    }

    func testJudge_whenScreenHasExtensionCharacters_countsThemTwice() {
        // 180 letters and one euro sign: 182 septets, at the limit; a second euro goes over.
        XCTAssertNil(judgeFailure("END " + String(repeating: "a", count: 180) + "€"))
        XCTAssertEqual(
            judgeFailure("END " + String(repeating: "a", count: 180) + "€€"),
            .screenTooLong(characters: 184, limit: 182, alphabet: "GSM-7"))
    }

    func testJudge_whenScreenNeedsUCS2_allows80Characters() {
        let eighty = "ש" + String(repeating: "a", count: 79)
        XCTAssertNil(judgeFailure("CON " + eighty))
        XCTAssertEqual(judgeFailure("CON " + eighty + "a"), .screenTooLong(characters: 81, limit: 80, alphabet: "UCS-2"))
    }

    private func judgeFailure(_ body: String) -> AggregatorBreach? {
        rules.judge(HTTPReply(status: 200, body: body)).failureValue
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
