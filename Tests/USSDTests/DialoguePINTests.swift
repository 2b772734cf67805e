import XCTest

@testable import USSD

/// Wrong PINs, the lock, and keeping PINs out of everything that can be printed.
final class DialoguePINTests: XCTestCase {
    func testWrongPIN_threeTimes_countsDownThenTellsOfTheLock() {
        var dialogue = DialogueSendMoneyTests.atPIN()
        XCTAssertEqual(dialogue.receive("1111"), .effect(.verifyPIN(PIN("1111"))))
        XCTAssertEqual(
            dialogue.resume(with: .pinRejected(attemptsLeft: 2)), .con("Wrong PIN. Attempts left: 2.\nEnter M-PESA PIN")
        )
        XCTAssertEqual(dialogue.receive("2222"), .effect(.verifyPIN(PIN("2222"))))
        XCTAssertEqual(
            dialogue.resume(with: .pinRejected(attemptsLeft: 1)), .con("Wrong PIN. Attempts left: 1.\nEnter M-PESA PIN")
        )
        XCTAssertEqual(dialogue.receive("3333"), .effect(.verifyPIN(PIN("3333"))))
        XCTAssertEqual(
            dialogue.resume(with: .pinLocked(minutes: 15)),
            .end("Wrong PIN entered too many times. Your M-PESA account is locked for 15 minutes.")
        )
        XCTAssertTrue(dialogue.isFinished)
    }

    func testWrongPIN_inKiswahili_countsDownInKiswahili() {
        var dialogue = DialogueSendMoneyTests.atPIN(.kiswahili)
        _ = dialogue.receive("1111")
        XCTAssertEqual(
            dialogue.resume(with: .pinRejected(attemptsLeft: 2)),
            .con("PIN si sahihi. Majaribio yaliyobaki: 2.\nWeka PIN ya M-PESA")
        )
        _ = dialogue.receive("2222")
        _ = dialogue.resume(with: .pinRejected(attemptsLeft: 1))
        _ = dialogue.receive("3333")
        XCTAssertEqual(
            dialogue.resume(with: .pinLocked(minutes: 15)),
            .end("Umekosea PIN mara nyingi. Akaunti yako ya M-PESA imefungwa kwa dakika 15.")
        )
    }

    func testWrongPIN_thenRightPIN_goesOnToThePayment() {
        var dialogue = DialogueSendMoneyTests.atPIN()
        _ = dialogue.receive("1111")
        _ = dialogue.resume(with: .pinRejected(attemptsLeft: 2))
        XCTAssertEqual(dialogue.receive("1234"), .effect(.verifyPIN(PIN("1234"))))
        guard case .effect(.submitPayment) = dialogue.resume(with: .pinAccepted) else {
            return XCTFail("expected the payment request")
        }
    }

    func testLockedAccount_isToldEvenOnTheFirstAttempt() {
        var dialogue = DialogueSendMoneyTests.atPIN()
        _ = dialogue.receive("1234")
        XCTAssertEqual(
            dialogue.resume(with: .pinLocked(minutes: 12)),
            .end("Wrong PIN entered too many times. Your M-PESA account is locked for 12 minutes.")
        )
    }

    func testRejectedWithNoAttemptsLeft_isAnAdapterMistake_andEndsCleanly() {
        // A lock must be answered with .pinLocked, which carries the minutes the subscriber is told.
        var dialogue = DialogueSendMoneyTests.atPIN()
        _ = dialogue.receive("1234")
        XCTAssertEqual(
            dialogue.resume(with: .pinRejected(attemptsLeft: 0)),
            .end("Sorry, the service is not available right now. Please try again later.")
        )
    }

    func testPIN_neverAppearsWhenPrinted() {
        let pin = PIN("4071")
        let effect = DialogueEffect.verifyPIN(pin)
        var dumped = ""
        dump(effect, to: &dumped)
        for printed in ["\(pin)", String(reflecting: pin), "\(effect)", String(reflecting: effect), dumped] {
            XCTAssertFalse(printed.contains("4071"), printed)
        }
        XCTAssertEqual(pin.withDigits { $0 }, "4071")
    }

    func testDialogue_holdingANewPIN_neverShowsItWhenPrinted() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["5", "3", "1234"])
        _ = dialogue.resume(with: .pinAccepted)
        XCTAssertEqual(dialogue.receive("4071"), .con("Confirm new PIN\n0 Back"))
        var dumped = ""
        dump(dialogue, to: &dumped)
        for printed in ["\(dialogue)", String(reflecting: dialogue), dumped] {
            XCTAssertFalse(printed.contains("4071"), printed)
            XCTAssertFalse(printed.contains("1234"), printed)
        }
    }

    func testDialogue_afterVerifyingAPIN_keepsNoCopyOfIt() {
        var dialogue = DialogueSendMoneyTests.atPIN()
        _ = dialogue.receive("4071")
        XCTAssertTrue(dialogue.secrets.isEmpty)
        XCTAssertFalse(dialogue.variables.values.contains("4071"))
        XCTAssertFalse(dialogue.pages.contains { $0.text.contains("4071") })
    }

    func testDialogue_afterChangingThePIN_dropsTheNewPIN() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["5", "3", "1234"])
        _ = dialogue.resume(with: .pinAccepted)
        _ = dialogue.receive("4071")
        _ = dialogue.receive("4071")
        XCTAssertTrue(dialogue.secrets.isEmpty)
    }
}
