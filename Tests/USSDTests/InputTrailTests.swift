import XCTest

@testable import USSD

/// A session's inputs remembered without its PINs, still able to read the next `text`.
final class InputTrailTests: XCTestCase {
    private func sendMoneyTrail() -> InputTrail {
        var trail = InputTrail()
        trail.start(replay: [], secretIndexes: [])
        for input in ["1", "0711987654", "5000", "1"] { trail.append(input, secret: false) }
        trail.append("1234", secret: true)
        return trail
    }

    func testRedactedText_masksTheSecretInputs() {
        XCTAssertEqual(sendMoneyTrail().redactedText, "1*0711987654*5000*1*****")
        XCTAssertFalse(sendMoneyTrail().description.contains("1234"))
    }

    func testRead_whenTheTextExtendsTheTrail_returnsTheNewInput() {
        XCTAssertEqual(sendMoneyTrail().read("1*0711987654*5000*1*1234*7"), .input("7"))
    }

    func testRead_whenTheSameTextArrivesAgain_saysUnchanged() {
        XCTAssertEqual(sendMoneyTrail().read("1*0711987654*5000*1*1234"), .unchanged)
    }

    func testRead_whenAPlainInputDiffers_refusesTheText() {
        XCTAssertEqual(sendMoneyTrail().read("1*0711987654*6000*1*1234*7"), .notAnExtension)
    }

    func testRead_whenTheSecretHasAnotherLength_refusesTheText() {
        XCTAssertEqual(sendMoneyTrail().read("1*0711987654*5000*1*12345*7"), .notAnExtension)
    }

    func testRead_beforeTheFirstHop_readsAFirstHop() {
        XCTAssertEqual(InputTrail().read("1*0711987654"), .start(replay: ["1", "0711987654"]))
    }

    func testRead_afterAnEmptyFirstHop_takesTheWholeText() {
        var trail = InputTrail()
        trail.start(replay: [], secretIndexes: [])
        XCTAssertEqual(trail.read(""), .unchanged)
        XCTAssertEqual(trail.read("1"), .input("1"))
    }

    func testRead_whenASecretContainedAStar_stillFindsTheNextInput() {
        var trail = InputTrail()
        trail.start(replay: ["1", "0711987654", "5000", "1"], secretIndexes: [])
        trail.append("12*4", secret: true)
        XCTAssertEqual(trail.read("1*0711987654*5000*1*12*4*1234"), .input("1234"))
        XCTAssertEqual(trail.redactedText, "1*0711987654*5000*1*****")
    }
}
