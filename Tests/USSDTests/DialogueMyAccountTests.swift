import XCTest

@testable import USSD

/// My Account: balance and mini statement behind the PIN, change PIN, language.
final class DialogueMyAccountTests: XCTestCase {
    /// A dialogue on the My Account menu, reached through the main menu's second page.
    private func atMyAccount(_ language: Language = .english) -> Dialogue {
        var dialogue = TestSupport.dialogue(language)
        _ = dialogue.start(prefilledInputs: ["98", "5"])
        return dialogue
    }

    func testBalance_inEnglish_asksForThePINThenShowsTheBalance() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start()
        XCTAssertEqual(dialogue.receive("98"), .con("5 My Account\n0 Back"))
        XCTAssertEqual(
            dialogue.receive("5"),
            .con("My Account\n1 Check balance\n2 Mini statement\n3 Change PIN\n4 Language\n0 Back")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Enter M-PESA PIN\n0 Back"))
        XCTAssertEqual(dialogue.receive("1234"), .effect(.verifyPIN(PIN("1234"))))
        XCTAssertEqual(dialogue.resume(with: .pinAccepted), .effect(.query(.balance)))
        XCTAssertEqual(
            dialogue.resume(with: .succeeded(["balance": "25,000.00"])), .end("Your M-PESA balance is Ksh25,000.00."))
    }

    func testBalance_inKiswahili_showsTheBalanceInKiswahili() {
        var dialogue = TestSupport.dialogue(.kiswahili)
        _ = dialogue.start()
        XCTAssertEqual(dialogue.receive("98"), .con("5 Akaunti Yangu\n0 Rudi"))
        XCTAssertEqual(
            dialogue.receive("5"),
            .con("Akaunti Yangu\n1 Angalia salio\n2 Taarifa fupi\n3 Badilisha PIN\n4 Lugha\n0 Rudi")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Weka PIN ya M-PESA\n0 Rudi"))
        _ = dialogue.receive("1234")
        XCTAssertEqual(dialogue.resume(with: .pinAccepted), .effect(.query(.balance)))
        XCTAssertEqual(
            dialogue.resume(with: .succeeded(["balance": "8,500.00"])), .end("Salio lako la M-PESA ni Ksh8,500.00."))
    }

    func testBalance_whenTheQueryFails_apologises() {
        var dialogue = atMyAccount()
        _ = dialogue.receive("1")
        _ = dialogue.receive("1234")
        _ = dialogue.resume(with: .pinAccepted)
        XCTAssertEqual(
            dialogue.resume(with: .failed()), .end("Sorry, we could not complete your request. Please try again later.")
        )
    }

    func testMiniStatement_inEnglish_showsTheStatementOnTheEndScreen() {
        var dialogue = atMyAccount()
        XCTAssertEqual(dialogue.receive("2"), .con("Enter M-PESA PIN\n0 Back"))
        _ = dialogue.receive("1234")
        XCTAssertEqual(dialogue.resume(with: .pinAccepted), .effect(.query(.miniStatement)))
        let statement = "RLA0R69NXM 2/9 -5,000.00 JANE DOE"
        XCTAssertEqual(
            dialogue.resume(with: .succeeded(["statement": statement])), .end("M-PESA mini statement:\n\(statement)"))
    }

    func testMiniStatement_inKiswahili_showsTheStatementInKiswahili() {
        var dialogue = atMyAccount(.kiswahili)
        XCTAssertEqual(dialogue.receive("2"), .con("Weka PIN ya M-PESA\n0 Rudi"))
        _ = dialogue.receive("1234")
        XCTAssertEqual(dialogue.resume(with: .pinAccepted), .effect(.query(.miniStatement)))
        XCTAssertEqual(
            dialogue.resume(with: .succeeded(["statement": "Hakuna miamala."])),
            .end("Taarifa fupi ya M-PESA:\nHakuna miamala."))
    }

    func testChangePIN_inEnglish_verifiesTheOldPINAndHandsOverTheConfirmedNewOne() {
        var dialogue = atMyAccount()
        XCTAssertEqual(dialogue.receive("3"), .con("Enter old PIN\n0 Back"))
        XCTAssertEqual(dialogue.receive("1234"), .effect(.verifyPIN(PIN("1234"))))
        XCTAssertEqual(dialogue.resume(with: .pinAccepted), .con("Enter new PIN"))
        XCTAssertEqual(dialogue.receive("567"), .con("The PIN must be 4 digits.\nEnter new PIN"))
        XCTAssertEqual(dialogue.receive("5678"), .con("Confirm new PIN\n0 Back"))
        XCTAssertEqual(dialogue.receive("5679"), .con("The PINs do not match.\nConfirm new PIN\n0 Back"))
        XCTAssertEqual(dialogue.receive("5678"), .effect(.changePIN(newPIN: PIN("5678"))))
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end("Your M-PESA PIN has been changed."))
        // Inputs: 98, 5, 3, old PIN, 567, 5678, 5679, 5678: every PIN position is secret.
        XCTAssertEqual(dialogue.secretInputIndexes, [3, 4, 5, 6, 7])
    }

    func testChangePIN_inKiswahili_asksInKiswahili() {
        var dialogue = atMyAccount(.kiswahili)
        XCTAssertEqual(dialogue.receive("3"), .con("Weka PIN ya zamani\n0 Rudi"))
        _ = dialogue.receive("1234")
        XCTAssertEqual(dialogue.resume(with: .pinAccepted), .con("Weka PIN mpya"))
        XCTAssertEqual(dialogue.receive("5678"), .con("Thibitisha PIN mpya\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("1111"), .con("PIN hazilingani.\nThibitisha PIN mpya\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("5678"), .effect(.changePIN(newPIN: PIN("5678"))))
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end("PIN yako ya M-PESA imebadilishwa."))
    }

    func testChangePIN_whenConfirmationGoesBack_letsTheSubscriberChooseAgain() {
        var dialogue = atMyAccount()
        _ = dialogue.receive("3")
        _ = dialogue.receive("1234")
        _ = dialogue.resume(with: .pinAccepted)
        _ = dialogue.receive("5678")
        XCTAssertEqual(dialogue.receive("0"), .con("Enter new PIN"))
        XCTAssertEqual(dialogue.receive("2468"), .con("Confirm new PIN\n0 Back"))
        XCTAssertEqual(dialogue.receive("2468"), .effect(.changePIN(newPIN: PIN("2468"))))
    }

    func testLanguage_whenKiswahiliIsChosen_setsItAndAnswersInKiswahili() {
        var dialogue = atMyAccount()
        XCTAssertEqual(dialogue.receive("4"), .con("Choose language\n1 English\n2 Kiswahili\n0 Back"))
        XCTAssertEqual(dialogue.receive("2"), .effect(.setLanguage(.kiswahili)))
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end("Lugha yako sasa ni Kiswahili."))
        XCTAssertEqual(dialogue.language, .kiswahili)
    }

    func testLanguage_whenEnglishIsChosenFromKiswahili_answersInEnglish() {
        var dialogue = atMyAccount(.kiswahili)
        XCTAssertEqual(dialogue.receive("4"), .con("Chagua lugha\n1 English\n2 Kiswahili\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("1"), .effect(.setLanguage(.english)))
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end("Your language is now English."))
    }

    func testLanguage_whenSavingFails_keepsTheOldLanguage() {
        var dialogue = atMyAccount()
        _ = dialogue.receive("4")
        _ = dialogue.receive("2")
        XCTAssertEqual(
            dialogue.resume(with: .failed()), .end("Sorry, we could not complete your request. Please try again later.")
        )
        XCTAssertEqual(dialogue.language, .english)
    }
}
