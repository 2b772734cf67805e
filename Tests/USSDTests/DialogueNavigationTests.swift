import XCTest

@testable import USSD

/// Paging, back navigation and retries: `98` and `0` navigate only where a screen offers them.
final class DialogueNavigationTests: XCTestCase {
    func testMainMenu_pagesWith98AndComesBackWith0() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start()
        XCTAssertEqual(dialogue.receive("98"), .con("5 My Account\n0 Back"))
        XCTAssertEqual(dialogue.receive("0"), .con(TestSupport.mainEN))
    }

    func testMainMenu_onItsLastPage_treats98AsAnInvalidChoice() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["98"])
        XCTAssertEqual(dialogue.receive("98"), .con("Invalid choice.\n5 My Account\n0 Back"))
    }

    func testMainMenu_onItsFirstPage_treats0AsAnInvalidChoice() {
        // The main menu offers no "0 Back": there is nothing before it.
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start()
        XCTAssertEqual(dialogue.receive("0"), .con("Invalid choice.\n" + TestSupport.mainEN))
    }

    func testMainMenu_acceptsAnOptionFromAnotherPage() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start()
        XCTAssertEqual(
            dialogue.receive("5"),
            .con("My Account\n1 Check balance\n2 Mini statement\n3 Change PIN\n4 Language\n0 Back"))
    }

    func testMainMenu_inKiswahili_rejectsAnUnknownOptionInKiswahili() {
        var dialogue = TestSupport.dialogue(.kiswahili)
        _ = dialogue.start()
        XCTAssertEqual(dialogue.receive("7"), .con("Chaguo si sahihi.\n" + TestSupport.mainSW))
    }

    func testBack_walksBackThroughTheScreensShown() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1", "0711987654"])
        XCTAssertEqual(dialogue.receive("0"), .con("Enter phone no.\n0 Back"))
        XCTAssertEqual(dialogue.receive("0"), .con(TestSupport.mainEN))
    }

    func testBack_fromTheConfirmScreen_returnsToTheAmountAndKeepsTheFlowGoing() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1", "0711987654", "5000"])
        _ = dialogue.resume(with: .name("JANE DOE"))
        _ = dialogue.resume(with: .fee(57))
        XCTAssertEqual(dialogue.receive("0"), .con("Enter amount\n0 Back"))
        XCTAssertEqual(dialogue.receive("6000"), .effect(.lookupName(recipient: .subscriber, number: "254711987654")))
    }

    func testInput_whenNotOfferingPaging_accepts98AsAnAmount() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1", "0711987654"])
        XCTAssertEqual(dialogue.receive("98"), .effect(.lookupName(recipient: .subscriber, number: "254711987654")))
        XCTAssertEqual(
            dialogue.resume(with: .name("JANE DOE")), .effect(.quoteFee(transactionType: "P2P_TRANSFER", amount: 98)))
    }

    func testInput_whenNotOfferingBack_treats0AsInput() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["5", "3", "1234"])
        XCTAssertEqual(dialogue.resume(with: .pinAccepted), .con("Enter new PIN"))
        XCTAssertEqual(dialogue.receive("0"), .con("The PIN must be 4 digits.\nEnter new PIN"))
    }

    func testPhoneNumber_whenInvalid_showsTheErrorAndTheSamePromptUntilValid() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1"])
        let retry = DialogueStep.con("Invalid phone number. Use 07XXXXXXXX or 2547XXXXXXXX.\nEnter phone no.\n0 Back")
        XCTAssertEqual(dialogue.receive("12345"), retry)
        XCTAssertEqual(dialogue.receive("0811987654"), retry)
        XCTAssertEqual(dialogue.receive(""), retry)
        XCTAssertEqual(dialogue.receive("+254711987654"), .con("Enter amount\n0 Back"))
    }

    func testAmount_whenOutOfRangeOrNotAWholeNumber_retriesInTheSubscribersLanguage() {
        var dialogue = TestSupport.dialogue(.kiswahili)
        _ = dialogue.start(prefilledInputs: ["1", "0711987654"])
        let retry = DialogueStep.con("Weka kiasi kati ya Ksh1 na Ksh250,000.\nWeka kiasi\n0 Rudi")
        for bad in ["250001", "05", "1.5", "1,000", "abc"] {
            XCTAssertEqual(dialogue.receive(bad), retry, bad)
        }
        XCTAssertEqual(dialogue.receive("250000"), .effect(.lookupName(recipient: .subscriber, number: "254711987654")))
    }

    func testConfirm_whenAnswerIsNeither1Nor2_asksAgain() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1", "0711987654", "5000"])
        _ = dialogue.resume(with: .name("JANE DOE"))
        _ = dialogue.resume(with: .fee(57))
        XCTAssertEqual(
            dialogue.receive("3"),
            .con("Invalid choice.\nSend Ksh5,000 to JANE DOE 254711987654?\nFee Ksh57\n1 Confirm\n2 Cancel\n0 Back")
        )
    }

    func testFinishedDialogue_answersItsLastScreenAgain() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1", "0711987654", "5000"])
        _ = dialogue.resume(with: .name("JANE DOE"))
        _ = dialogue.resume(with: .fee(57))
        _ = dialogue.receive("2")
        XCTAssertEqual(dialogue.receive("1"), .end("Transaction cancelled."))
        XCTAssertEqual(dialogue.resume(with: .pinAccepted), .end("Transaction cancelled."))
    }

    func testAnswer_whenItDoesNotFitTheEffect_endsCleanly() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1", "0711987654", "5000"])
        XCTAssertEqual(
            dialogue.resume(with: .fee(57)),
            .end("Sorry, the service is not available right now. Please try again later.")
        )
    }

    func testInput_whileAnEffectIsPending_endsCleanly() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1", "0711987654", "5000"])
        XCTAssertEqual(
            dialogue.receive("1"), .end("Sorry, the service is not available right now. Please try again later."))
    }
}
