import XCTest

@testable import USSD

/// Lipa na M-PESA: Pay Bill (business and account number) and Buy Goods (till), in English and Kiswahili.
final class DialogueLipaNaMPesaTests: XCTestCase {
    func testPayBill_inEnglish_submitsBusinessAndAccountReference() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start()
        XCTAssertEqual(dialogue.receive("4"), .con("Lipa na M-PESA\n1 Pay Bill\n2 Buy Goods and Services\n0 Back"))
        XCTAssertEqual(dialogue.receive("1"), .con("Enter business no.\n0 Back"))
        XCTAssertEqual(dialogue.receive("888880"), .con("Enter account no.\n0 Back"))
        XCTAssertEqual(dialogue.receive("ACC-42"), .con("Enter amount\n0 Back"))
        XCTAssertEqual(dialogue.receive("1500"), .effect(.lookupName(recipient: .paybill, number: "888880")))
        XCTAssertEqual(
            dialogue.resume(with: .name("KPLC PREPAID")), .effect(.quoteFee(transactionType: "PAYBILL", amount: 1500)))
        XCTAssertEqual(
            dialogue.resume(with: .fee(23)),
            .con("Pay Ksh1,500 to KPLC PREPAID (888880) for account ACC-42?\nFee Ksh23\n1 Confirm\n2 Cancel\n0 Back")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Enter M-PESA PIN"))
        _ = dialogue.receive("1234")
        XCTAssertEqual(
            dialogue.resume(with: .pinAccepted),
            .effect(
                .submitPayment(
                    PaymentIntent(
                        transactionType: "PAYBILL",
                        fields: ["businessNumber": "888880", "accountReference": "ACC-42", "amount": "1500"]
                    )))
        )
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end(TestSupport.receivedEN))
    }

    func testPayBill_inKiswahili_showsEveryScreenInKiswahili() {
        var dialogue = TestSupport.dialogue(.kiswahili)
        _ = dialogue.start()
        XCTAssertEqual(dialogue.receive("4"), .con("Lipa na M-PESA\n1 Lipa Bili\n2 Nunua Bidhaa na Huduma\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("1"), .con("Weka nambari ya biashara\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("888880"), .con("Weka nambari ya akaunti\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("12345"), .con("Weka kiasi\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("800"), .effect(.lookupName(recipient: .paybill, number: "888880")))
        XCTAssertEqual(
            dialogue.resume(with: .name("KPLC PREPAID")), .effect(.quoteFee(transactionType: "PAYBILL", amount: 800)))
        XCTAssertEqual(
            dialogue.resume(with: .fee(0)),
            .con("Lipa Ksh800 kwa KPLC PREPAID (888880) akaunti 12345?\nAda Ksh0\n1 Kubali\n2 Ghairi\n0 Rudi")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Weka PIN ya M-PESA"))
        _ = dialogue.receive("1234")
        XCTAssertEqual(
            dialogue.resume(with: .pinAccepted),
            .effect(
                .submitPayment(
                    PaymentIntent(
                        transactionType: "PAYBILL",
                        fields: ["businessNumber": "888880", "accountReference": "12345", "amount": "800"]
                    )))
        )
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end(TestSupport.receivedSW))
    }

    func testPayBill_whenAccountNumberHasForbiddenCharacters_retries() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["4", "1", "888880"])
        XCTAssertEqual(
            dialogue.receive("ACC 42!"), .con("Account number: up to 12 letters or digits.\nEnter account no.\n0 Back"))
        XCTAssertEqual(dialogue.receive("ACC42"), .con("Enter amount\n0 Back"))
    }

    func testBuyGoods_inEnglish_submitsTheTill() {
        var dialogue = TestSupport.dialogue()
        _ = dialogue.start(prefilledInputs: ["4"])
        XCTAssertEqual(dialogue.receive("2"), .con("Enter till no.\n0 Back"))
        XCTAssertEqual(dialogue.receive("543210"), .con("Enter amount\n0 Back"))
        XCTAssertEqual(dialogue.receive("750"), .effect(.lookupName(recipient: .till, number: "543210")))
        XCTAssertEqual(
            dialogue.resume(with: .name("MAMA MBOGA")), .effect(.quoteFee(transactionType: "BUY_GOODS", amount: 750)))
        XCTAssertEqual(
            dialogue.resume(with: .fee(0)),
            .con("Pay Ksh750 to MAMA MBOGA, till 543210?\nFee Ksh0\n1 Confirm\n2 Cancel\n0 Back")
        )
        XCTAssertEqual(dialogue.receive("1"), .con("Enter M-PESA PIN"))
        _ = dialogue.receive("1234")
        XCTAssertEqual(
            dialogue.resume(with: .pinAccepted),
            .effect(
                .submitPayment(
                    PaymentIntent(transactionType: "BUY_GOODS", fields: ["tillNumber": "543210", "amount": "750"])))
        )
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end(TestSupport.receivedEN))
    }

    func testBuyGoods_inKiswahili_whenTillIsUnknown_endsInKiswahili() {
        var dialogue = TestSupport.dialogue(.kiswahili)
        _ = dialogue.start(prefilledInputs: ["4"])
        XCTAssertEqual(dialogue.receive("2"), .con("Weka nambari ya till\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("54321"), .con("Weka kiasi\n0 Rudi"))
        XCTAssertEqual(dialogue.receive("750"), .effect(.lookupName(recipient: .till, number: "54321")))
        XCTAssertEqual(
            dialogue.resume(with: .name(nil)),
            .end("Nambari ya till 54321 haikupatikana. Hakikisha nambari kisha ujaribu tena.")
        )
    }

    func testBuyGoods_inKiswahili_submitsTheTill() {
        var dialogue = TestSupport.dialogue(.kiswahili)
        _ = dialogue.start(prefilledInputs: ["4", "2", "543210", "750"])
        _ = dialogue.resume(with: .name("MAMA MBOGA"))
        XCTAssertEqual(
            dialogue.resume(with: .fee(0)),
            .con("Lipa Ksh750 kwa MAMA MBOGA, till 543210?\nAda Ksh0\n1 Kubali\n2 Ghairi\n0 Rudi")
        )
        _ = dialogue.receive("1")
        _ = dialogue.receive("1234")
        XCTAssertEqual(
            dialogue.resume(with: .pinAccepted),
            .effect(
                .submitPayment(
                    PaymentIntent(transactionType: "BUY_GOODS", fields: ["tillNumber": "543210", "amount": "750"])))
        )
        XCTAssertEqual(dialogue.resume(with: .succeeded()), .end(TestSupport.receivedSW))
    }
}
