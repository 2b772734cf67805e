import Foundation
import Payments
import Services
import XCTest

final class ConfirmationTextRendererTests: XCTestCase {
    private var renderer: ConfirmationTextRenderer!

    override func setUpWithError() throws {
        renderer = ConfirmationTextRenderer(texts: try Fixtures.texts(), timeZone: .gmt)
    }

    func testSenderText_forSeedExampleInUTC_isTheSeedTextExactly() {
        let messages = renderer.messages(for: Seed.confirmation())
        let payer = messages.first { $0.role == .sender }
        XCTAssertEqual(payer?.text, Seed.smsText)
        XCTAssertEqual(payer?.msisdn, Seed.payer)
    }

    func testMessages_forCompletedTransfer_alsoTellTheRecipientWithTheTransactionCode() {
        let payee = renderer.messages(for: Seed.confirmation()).first { $0.role == .recipient }
        XCTAssertEqual(payee?.msisdn.value, Seed.payee)
        XCTAssertEqual(
            payee?.text,
            "TXN-20240902-001 Confirmed. You have received Ksh5,000.00 from 254700123456 on 2/9/24 at 2:30 PM.")
    }

    func testSenderText_inNairobi_showsEastAfricaTime() {
        let nairobi = ConfirmationTextRenderer(texts: renderer.texts)
        let text = nairobi.render(Seed.confirmation(), kind: .sender, language: .english)
        XCTAssertEqual(nairobi.timeZone, .nairobi)
        XCTAssertTrue(text?.contains("on 2/9/24 at 5:30 PM.") == true, text ?? "nil")
    }

    func testSenderText_lateEveningUTC_isNextDayInNairobi() {
        let late = PaymentConfirmation(
            transactionId: Seed.transactionId, finalStatus: .completed, fromMsisdn: Seed.payer, toMsisdn: Seed.payee,
            amount: 5000, fee: 15, completionTime: EventCoding.parseTimestamp("2024-09-02T21:05:59Z")!)
        let nairobi = ConfirmationTextRenderer(texts: renderer.texts, timeZone: .nairobi)
        XCTAssertTrue(nairobi.render(late, kind: .sender, language: .english)?.contains("on 3/9/24 at 12:05 AM.") == true)
        XCTAssertTrue(renderer.render(late, kind: .sender, language: .english)?.contains("on 2/9/24 at 9:05 PM.") == true)
    }

    func testSenderText_inKiswahili_isTheKiswahiliText() {
        let text = renderer.render(Seed.confirmation(), kind: .sender, language: .kiswahili)
        XCTAssertEqual(
            text,
            "TXN-20240902-001 Imethibitishwa. Ksh5,000.00 imetumwa kwa 254711987654 tarehe 2/9/24 saa 2:30 PM. "
                + "Salio jipya ni Ksh19,985.00. Gharama ya muamala ni Ksh15.00.")
    }

    func testMessages_forFailedPayment_sendFailureTextWithReasonToPayerOnly() {
        let messages = renderer.messages(for: Seed.confirmation(status: .failed, balance: nil, reason: ReasonCode.insufficientFunds))
        XCTAssertEqual(messages.map(\.role), [.sender])
        XCTAssertEqual(
            messages.first?.text,
            "TXN-20240902-001 Failed. Your transfer of Ksh5,000.00 to 254711987654 on 2/9/24 at 2:30 PM was not completed. "
                + "You do not have enough money in your M-PESA account.")
    }

    func testFailureText_withUnknownReason_usesDefaultWording() {
        let text = renderer.render(Seed.confirmation(status: .failed, reason: "SOMETHING_NEW"), kind: .failure, language: .kiswahili)
        XCTAssertTrue(text?.hasSuffix("Tafadhali jaribu tena baadaye.") == true, text ?? "nil")
    }

    func testSenderText_whenBalanceUnknown_leavesOutTheBalanceSentence() {
        let text = renderer.render(Seed.confirmation(balance: nil), kind: .sender, language: .english)
        XCTAssertEqual(text, "Confirmed. Ksh5,000.00 sent to 254711987654 on 2/9/24 at 2:30 PM. Transaction cost Ksh15.00.")
    }

    func testMessages_forPaybill_nameTheBusinessAndSendNoRecipientSMS() {
        let messages = renderer.messages(for: Seed.confirmation(type: .paybill, to: "888880", name: "KPLC PREPAID"))
        XCTAssertEqual(messages.map(\.role), [.sender])
        XCTAssertTrue(messages[0].text.hasPrefix("TXN-20240902-001 Confirmed. Ksh5,000.00 sent to KPLC PREPAID paybill 888880 on"))
    }

    func testMessages_whenConfirmationNotRequired_areNone() {
        XCTAssertTrue(renderer.messages(for: Seed.confirmation(required: false)).isEmpty)
    }

    func testMessages_perRecipientLanguage_renderEachInItsOwnLanguage() {
        let messages = renderer.messages(for: Seed.confirmation(), senderLanguage: .english, recipientLanguage: .kiswahili)
        XCTAssertEqual(messages.map(\.language), [.english, .kiswahili])
        XCTAssertTrue(messages[1].text.contains("Umepokea Ksh5,000.00 kutoka kwa 254700123456"))
    }

    func testShippedTexts_fitTheGSMAlphabetInEveryLanguage() {
        let gsmBasic = Set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
        for type in TransactionType.knownCases {
            for language in SMSLanguage.allCases {
                for kind in ConfirmationTexts.Kind.allCases {
                    guard let text = renderer.render(Seed.confirmation(type: type, name: "SHOP"), kind: kind, language: language) else { continue }
                    XCTAssertTrue(text.allSatisfy(gsmBasic.contains), "\(type) \(language) \(kind): \(text)")
                }
            }
        }
    }
}
