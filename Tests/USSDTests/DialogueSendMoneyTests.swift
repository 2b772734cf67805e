import XCTest

@testable import USSD

/// Send Money as the subscriber sees it: dial, number, amount, the registered name and fee, PIN, request.
final class DialogueSendMoneyTests: XCTestCase {
    func testSendMoney_inEnglish_submitsAP2PTransferWithTheRegisteredName() {
        var dialogue = TestSupport.dialogue()
        XCTAssertEqual(dialogue.start(), .con(TestSupport.mainEN))
        XCTAssertEqual(dialogue.receive("1"), .con("Enter phone no.\n0 Back"))
        XCTAssertEqual(dialogue.receive("0711987654"), .con("Enter amount\n0 Back"))
        XCTAssertEqual(dialogue.receive("5000"), .effect(.lookupName(recipient: .subscriber, number: "254711987654")))
        XCTAssertEqual(
            dialogue.resume(with: .name("JANE DOE")), .effect(.quoteFee(transactionType: "P2P_TRANSFER", amount: 5000)))
        XCTAssertEqual(
            dialogue.resume(with: .fee(57)),
            .con("Send Ksh5,000 to JANE DOE 254711987654?\nFee Ksh57\n1 Confirm\n2 Cancel\n0 Back")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Enter M-PESA PIN"))
        XCTAssertEqual(dialogue.receive("1234"), .effect(.verifyPIN(PIN("1234"))))
        XCTAssertEqual(
            dialogue.resume(with: .pinAccepted),
            .effect(
                .submitPayment(
                    PaymentIntent(
                        transactionType: "P2P_TRANSFER", fields: ["toMsisdn": "254711987654", "amount": "5000"]
                    )))
        )
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end(TestSupport.receivedEN))
        XCTAssertTrue(dialogue.isFinished)
        XCTAssertEqual(dialogue.secretInputIndexes, [4])
    }

    func testSendMoney_inKiswahili_showsEveryScreenInKiswahili() {
        var dialogue = TestSupport.dialogue(.kiswahili)
        XCTAssertEqual(dialogue.start(), .con(TestSupport.mainSW))
        XCTAssertEqual(dialogue.receive("1"), .con("Weka nambari ya simu\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("254711987654"), .con("Weka kiasi\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("1500"), .effect(.lookupName(recipient: .subscriber, number: "254711987654")))
        XCTAssertEqual(
            dialogue.resume(with: .name("JANE DOE")), .effect(.quoteFee(transactionType: "P2P_TRANSFER", amount: 1500)))
        XCTAssertEqual(
            dialogue.resume(with: .fee(23)),
            .con("Tuma Ksh1,500 kwa JANE DOE 254711987654?\nAda Ksh23\n1 Kubali\n2 Ghairi\n0 Rudi")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Weka PIN ya M-PESA"))
        XCTAssertEqual(dialogue.receive("1234"), .effect(.verifyPIN(PIN("1234"))))
        XCTAssertEqual(
            dialogue.resume(with: .pinAccepted),
            .effect(
                .submitPayment(
                    PaymentIntent(
                        transactionType: "P2P_TRANSFER", fields: ["toMsisdn": "254711987654", "amount": "1500"]
                    )))
        )
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end(TestSupport.receivedSW))
    }

    func testSendMoney_whenRecipientIsNotRegistered_asksWithoutAName() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1", "0711987654", "200"])
        XCTAssertEqual(
            dialogue.resume(with: .name(nil)), .effect(.quoteFee(transactionType: "P2P_TRANSFER", amount: 200)))
        XCTAssertEqual(
            dialogue.resume(with: .fee(7)),
            .con(
                "254711987654 is not registered for M-PESA. Send Ksh200 anyway?\nFee Ksh7\n1 Confirm\n2 Cancel\n0 Back")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Enter M-PESA PIN"))
    }

    func testSendMoney_whenCancelled_endsWithoutAnyEffect() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["1", "0711987654", "5000"])
        _ = dialogue.resume(with: .name("JANE DOE"))
        _ = dialogue.resume(with: .fee(57))
        XCTAssertEqual(dialogue.receive("2"), .end("Transaction cancelled."))
    }

    func testSendMoney_whenRequestCertainlyFailed_saysNothingWasCharged() {
        var dialogue = Self.atPIN()
        _ = dialogue.receive("1234")
        _ = dialogue.resume(with: .pinAccepted)
        XCTAssertEqual(
            dialogue.resume(with: .failed()),
            .end("Sorry, your request could not be sent. Nothing was charged. Please try again.")
        )
    }

    func testSendMoney_whenRequestMayHaveBeenPersisted_promisesAnSMSNotARefund() {
        var dialogue = Self.atPIN()
        _ = dialogue.receive("1234")
        _ = dialogue.resume(with: .pinAccepted)
        XCTAssertEqual(
            dialogue.resume(with: .uncertain(["transactionId": "TXN-20240902-001"])),
            .end("Your request is being processed. An SMS will confirm the outcome.")
        )
    }

    /// A dialogue on Send Money's PIN screen (5,000 to JANE DOE).
    static func atPIN(_ language: Language = .english) -> Dialogue {
        var dialogue = TestSupport.dialogue(language)
        _ = dialogue.start(prefilledInputs: ["1", "0711987654", "5000"])
        _ = dialogue.resume(with: .name("JANE DOE"))
        _ = dialogue.resume(with: .fee(57))
        _ = dialogue.receive("1")
        return dialogue
    }
}
