import XCTest

@testable import USSD

/// Withdraw Cash from an agent and Buy Airtime, in English and Kiswahili.
final class DialogueWithdrawAndAirtimeTests: XCTestCase {
    func testWithdraw_inEnglish_submitsAnAgentWithdrawalWithAgentAndStore() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start()
        XCTAssertEqual(dialogue.receive("2"), .con("Enter agent no.\n0 Back"))
        XCTAssertEqual(dialogue.receive("123456"), .con("Enter store no.\n0 Back"))
        XCTAssertEqual(dialogue.receive("001"), .con("Enter amount\n0 Back"))
        XCTAssertEqual(dialogue.receive("2000"), .effect(.lookupName(recipient: .agent, number: "123456")))
        XCTAssertEqual(
            dialogue.resume(with: .name("KAMAU SHOP")),
            .effect(.quoteFee(transactionType: "AGENT_WITHDRAWAL", amount: 2000)))
        XCTAssertEqual(
            dialogue.resume(with: .fee(29)),
            .con("Withdraw Ksh2,000 from KAMAU SHOP, agent 123456 store 001?\nFee Ksh29\n1 Confirm\n2 Cancel\n0 Back")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Enter M-PESA PIN"))
        XCTAssertEqual(dialogue.receive("1234"), .effect(.verifyPIN(PIN("1234"))))
        XCTAssertEqual(
            dialogue.resume(with: .pinAccepted),
            .effect(
                .submitPayment(
                    PaymentIntent(
                        transactionType: "AGENT_WITHDRAWAL",
                        fields: ["agentNumber": "123456", "storeNumber": "001", "amount": "2000"]
                    )))
        )
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end(TestSupport.receivedEN))
    }

    func testWithdraw_inKiswahili_showsEveryScreenInKiswahili() {
        var dialogue = TestSupport.dialogue(.kiswahili)
        _ = dialogue.start()
        XCTAssertEqual(dialogue.receive("2"), .con("Weka nambari ya wakala\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("123456"), .con("Weka nambari ya duka\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("1"), .con("Weka kiasi\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("500"), .effect(.lookupName(recipient: .agent, number: "123456")))
        XCTAssertEqual(
            dialogue.resume(with: .name("KAMAU SHOP")),
            .effect(.quoteFee(transactionType: "AGENT_WITHDRAWAL", amount: 500)))
        XCTAssertEqual(
            dialogue.resume(with: .fee(29)),
            .con("Toa Ksh500 kwa KAMAU SHOP, wakala 123456 duka 1?\nAda Ksh29\n1 Kubali\n2 Ghairi\n0 Rudi")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Weka PIN ya M-PESA"))
        _ = dialogue.receive("1234")
        XCTAssertEqual(
            dialogue.resume(with: .pinAccepted),
            .effect(
                .submitPayment(
                    PaymentIntent(
                        transactionType: "AGENT_WITHDRAWAL",
                        fields: ["agentNumber": "123456", "storeNumber": "1", "amount": "500"]
                    )))
        )
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end(TestSupport.receivedSW))
    }

    func testWithdraw_whenAgentIsUnknown_endsWithTheNumberToCheck() {
        var dialogue = TestSupport.dialogue()
        XCTAssertEqual(
            dialogue.start(prefilledInputs: ["2", "99999", "1", "100"]),
            .effect(.lookupName(recipient: .agent, number: "99999")))
        XCTAssertEqual(
            dialogue.resume(with: .name(nil)), .end("Agent 99999 was not found. Check the number and try again."))
    }

    func testWithdraw_whenAmountIsBelowTheAgentMinimum_explainsTheRange() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["2", "123456", "001"])
        XCTAssertEqual(dialogue.receive("49"), .con("Enter an amount from Ksh50 to Ksh250,000.\nEnter amount\n0 Back"))
    }

    func testAirtime_forMyNumber_inEnglish_submitsForTheSubscriberItself() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start()
        XCTAssertEqual(dialogue.receive("3"), .con("Buy airtime for\n1 My number\n2 Other number\n0 Back"))
        XCTAssertEqual(dialogue.receive("1"), .con("Enter amount\n0 Back"))
        XCTAssertEqual(dialogue.receive("100"), .effect(.quoteFee(transactionType: "AIRTIME_PURCHASE", amount: 100)))
        XCTAssertEqual(
            dialogue.resume(with: .fee(0)),
            .con("Buy Ksh100 airtime for 254700123456?\nFee Ksh0\n1 Confirm\n2 Cancel\n0 Back")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Enter M-PESA PIN"))
        _ = dialogue.receive("1234")
        XCTAssertEqual(
            dialogue.resume(with: .pinAccepted),
            .effect(
                .submitPayment(
                    PaymentIntent(
                        transactionType: "AIRTIME_PURCHASE", fields: ["toMsisdn": "254700123456", "amount": "100"]
                    )))
        )
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end(TestSupport.receivedEN))
    }

    func testAirtime_forOtherNumber_inKiswahili_submitsForThatNumber() {
        var dialogue = TestSupport.dialogue(.kiswahili)
        _ = dialogue.start()
        XCTAssertEqual(dialogue.receive("3"), .con("Nunua airtime kwa\n1 Nambari yangu\n2 Nambari nyingine\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("2"), .con("Weka nambari ya simu\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("0110123456"), .con("Weka kiasi\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("50"), .effect(.quoteFee(transactionType: "AIRTIME_PURCHASE", amount: 50)))
        XCTAssertEqual(
            dialogue.resume(with: .fee(0)),
            .con("Nunua airtime ya Ksh50 kwa 254110123456?\nAda Ksh0\n1 Kubali\n2 Ghairi\n0 Rudi")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Weka PIN ya M-PESA"))
        _ = dialogue.receive("1234")
        XCTAssertEqual(
            dialogue.resume(with: .pinAccepted),
            .effect(
                .submitPayment(
                    PaymentIntent(
                        transactionType: "AIRTIME_PURCHASE", fields: ["toMsisdn": "254110123456", "amount": "50"]
                    )))
        )
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end(TestSupport.receivedSW))
    }
}
