import XCTest

@testable import USSD

/// Reading the aggregator's `text`: the new input is what follows the previous `text` and `*`.
final class USSDTextTests: XCTestCase {
    func testRead_onAPlainDial_startsWithNothingToReplay() {
        XCTAssertEqual(USSDText.read(previous: nil, current: ""), .start(replay: []))
    }

    func testRead_onAFirstHopWithDigitsDialledAfterTheCode_replaysThem() {
        XCTAssertEqual(USSDText.read(previous: nil, current: "1*0711987654"), .start(replay: ["1", "0711987654"]))
    }

    func testRead_afterAnEmptyFirstHop_takesTheWholeTextAsTheInput() {
        XCTAssertEqual(USSDText.read(previous: "", current: "1"), .input("1"))
    }

    func testRead_takesWhatFollowsThePreviousTextAndAStar() {
        XCTAssertEqual(USSDText.read(previous: "1*0711987654", current: "1*0711987654*5000"), .input("5000"))
    }

    func testRead_whenTheInputItselfContainsAStar_keepsItWhole() {
        XCTAssertEqual(USSDText.read(previous: "4*1*888880", current: "4*1*888880*AB*12"), .input("AB*12"))
    }

    func testRead_whenAnEarlierInputContainedAStar_stillFindsTheNewInput() {
        XCTAssertEqual(USSDText.read(previous: "4*1*888880*AB*12", current: "4*1*888880*AB*12*1500"), .input("1500"))
    }

    func testRead_whenTheInputIsEmpty_returnsAnEmptyInput() {
        XCTAssertEqual(USSDText.read(previous: "1", current: "1*"), .input(""))
    }

    func testRead_whenTheTextIsRepeated_saysUnchanged() {
        XCTAssertEqual(USSDText.read(previous: "1*2", current: "1*2"), .unchanged)
    }

    func testRead_whenTheTextDoesNotExtendThePreviousOne_refusesIt() {
        XCTAssertEqual(USSDText.read(previous: "1*2", current: "1*3*4"), .notAnExtension)
        XCTAssertEqual(USSDText.read(previous: "1*2", current: "1*24"), .notAnExtension)
        XCTAssertEqual(USSDText.read(previous: "1*2", current: "1"), .notAnExtension)
        XCTAssertEqual(USSDText.read(previous: "1", current: "12"), .notAnExtension)
    }

    func testRead_comparesBytesSoACombiningMarkCannotPassForTheSameText() {
        // "e" followed by a combining accent renders like "é" but is a different answer.
        XCTAssertEqual(USSDText.read(previous: "e", current: "e\u{301}*1"), .notAnExtension)
    }
}
