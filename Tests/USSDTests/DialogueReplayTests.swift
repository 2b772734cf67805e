import XCTest

@testable import USSD

/// Digits dialled after the service code (`*334*1*0711987654#`) are replayed as inputs on the first hop.
final class DialogueReplayTests: XCTestCase {
    func testReplay_landsOnTheScreenAfterTheDialledInputs() {
        var dialogue = TestSupport.dialogue()
        XCTAssertEqual(dialogue.start(prefilledInputs: ["1", "0711987654"]), .con("Enter amount\n0 Back"))
        XCTAssertEqual(dialogue.inputCount, 2)
    }

    func testReplay_continuesAfterAnEffectIsAnswered() {
        var dialogue = TestSupport.dialogue()
        XCTAssertEqual(
            dialogue.start(prefilledInputs: ["1", "0711987654", "5000", "1"]),
            .effect(.lookupName(recipient: .subscriber, number: "254711987654"))
        )
        _ = dialogue.resume(with: .name("JANE DOE"))
        XCTAssertEqual(dialogue.resume(with: .fee(57)), .con("Enter M-PESA PIN"))
    }

    func testReplay_stopsAtTheFirstRejectedInputAndDropsTheRest() {
        var dialogue = TestSupport.dialogue()
        XCTAssertEqual(
            dialogue.start(prefilledInputs: ["1", "999", "5000"]),
            .con("Invalid phone number. Use 07XXXXXXXX or 2547XXXXXXXX.\nEnter phone no.\n0 Back")
        )
        XCTAssertEqual(dialogue.receive("0711987654"), .con("Enter amount\n0 Back"))
    }

    func testReplay_ofAPIN_marksItsIndexSecret() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1", "0711987654", "5000", "1", "1234"])
        _ = dialogue.resume(with: .name("JANE DOE"))
        XCTAssertEqual(dialogue.resume(with: .fee(57)), .effect(.verifyPIN(PIN("1234"))))
        XCTAssertEqual(dialogue.secretInputIndexes, [4])
    }

    func testReplay_throughPaging_reachesMyAccount() {
        var dialogue = TestSupport.dialogue(.kiswahili)
        XCTAssertEqual(
            dialogue.start(prefilledInputs: ["98", "5"]),
            .con("Akaunti Yangu\n1 Angalia salio\n2 Taarifa fupi\n3 Badilisha PIN\n4 Lugha\n0 Rudi")
        )
    }

    func testReplay_stopsAtAWrongPIN() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["98", "5", "1", "1111", "1234"])
        XCTAssertEqual(
            dialogue.resume(with: .pinRejected(attemptsLeft: 2)),
            .con("Wrong PIN. Attempts left: 2.\nEnter M-PESA PIN\n0 Back"))
        XCTAssertEqual(dialogue.inputCount, 4)
    }
}
