import Foundation
import Payments
import XCTest
@testable import USSDGateway

/// My Account through `POST /ussd` (reached with `98 More`): balance and mini statement behind the PIN, answered
/// on the END screen; change PIN; language. None of them is a payment: nothing reaches `payment-requests`.
final class MyAccountEndpointTests: XCTestCase {
    static let english = "254701400001"
    static let swahili = "254701400002"

    private func makeFixture() throws -> GatewayFixture {
        let fixture = try GatewayFixture()
        try fixture.enrol(
            Self.english, name: "DAVID KIPRONO", language: .english, region: "UASIN GISHU", pin: "5555", balance: 14_250)
        try fixture.enrol(Self.swahili, name: "AMINA HUSSEIN", language: .swahili, region: "LAMU", pin: "6666", balance: 7_000)
        return fixture
    }

    func testBalanceAndStatement_withTheRightPIN_answerOnTheEndScreenAndPublishNothing() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let balance = try await ussd.dial(["98", "5", "1", "5555"], session: "acc-en-1", msisdn: Self.english)
            assertScreen(balance[1], startsWith: "CON 5 My Account", contains: ["0 Back"])
            assertScreen(
                balance[2], startsWith: "CON My Account",
                contains: ["1 Check balance", "2 Mini statement", "3 Change PIN", "4 Language", "0 Back"])
            assertScreen(balance[3], startsWith: "CON Enter M-PESA PIN", contains: ["0 Back"])
            XCTAssertEqual(balance[4], "END Your M-PESA balance is Ksh14,250.00.")

            let statement = try await ussd.dial(["98", "5", "2", "5555"], session: "acc-en-2", msisdn: Self.english)
            XCTAssertEqual(statement[4], "END M-PESA mini statement:\n01/09 14,250.00")

            let salio = try await ussd.dial(["98", "5", "1", "6666"], session: "acc-sw-1", msisdn: Self.swahili)
            assertScreen(salio[1], startsWith: "CON 5 Akaunti Yangu", contains: ["0 Rudi"])
            assertScreen(
                salio[2], startsWith: "CON Akaunti Yangu",
                contains: ["1 Angalia salio", "2 Taarifa fupi", "3 Badilisha PIN", "4 Lugha", "0 Rudi"])
            XCTAssertEqual(salio[3], "CON Weka PIN ya M-PESA\n0 Rudi")
            XCTAssertEqual(salio[4], "END Salio lako la M-PESA ni Ksh7,000.00.")

            let taarifa = try await ussd.dial(["98", "5", "2", "6666"], session: "acc-sw-2", msisdn: Self.swahili)
            XCTAssertEqual(taarifa[4], "END Taarifa fupi ya M-PESA:\n01/09 7,000.00")
        }
        XCTAssertEqual(try fixture.publishedCount(), 0, "a balance or statement is not a payment")
    }

    func testBalance_withAWrongPIN_showsAttemptsLeftAndNoBalance() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let screens = try await ussd.dial(["98", "5", "1", "1111", "5555"], session: "acc-en-3", msisdn: Self.english)
            assertScreen(screens[4], startsWith: "CON Wrong PIN. Attempts left: 2.", contains: ["\nEnter M-PESA PIN"])
            XCTAssertFalse(screens[4].contains("14,250"), screens[4])
            XCTAssertEqual(screens[5], "END Your M-PESA balance is Ksh14,250.00.")
        }
        XCTAssertEqual(try fixture.publishedCount(), 0)
    }

    func testChangePIN_inEnglish_afterAMismatchAndARetry_replacesThePIN() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let screens = try await ussd.dial(
                ["98", "5", "3", "5555", "2020", "2021", "2020"], session: "pin-en", msisdn: Self.english)
            assertScreen(screens[3], startsWith: "CON Enter old PIN")
            assertScreen(screens[4], startsWith: "CON Enter new PIN")
            assertScreen(screens[5], startsWith: "CON Confirm new PIN")
            assertScreen(screens[6], startsWith: "CON The PINs do not match.", contains: ["\nConfirm new PIN"])
            XCTAssertEqual(screens[7], "END Your M-PESA PIN has been changed.")

            let oldPIN = try await ussd.dial(["98", "5", "1", "5555"], session: "pin-en-old", msisdn: Self.english)
            assertScreen(oldPIN[4], startsWith: "CON Wrong PIN. Attempts left: 2.")
            let newPIN = try await ussd.dial(["98", "5", "1", "2020"], session: "pin-en-new", msisdn: Self.english)
            XCTAssertEqual(newPIN[4], "END Your M-PESA balance is Ksh14,250.00.")
        }
        XCTAssertEqual(try fixture.publishedCount(), 0)
    }

    func testChangePIN_inKiswahili_replacesThePIN() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let screens = try await ussd.dial(["98", "5", "3", "6666", "12", "4040", "4040"], session: "pin-sw", msisdn: Self.swahili)
            assertScreen(screens[3], startsWith: "CON Weka PIN ya zamani")
            assertScreen(screens[4], startsWith: "CON Weka PIN mpya")
            assertScreen(screens[5], startsWith: "CON PIN lazima iwe tarakimu 4.", contains: ["\nWeka PIN mpya"])
            assertScreen(screens[6], startsWith: "CON Thibitisha PIN mpya")
            XCTAssertEqual(screens[7], "END PIN yako ya M-PESA imebadilishwa.")
        }
        let verification = try await fixture.ledger.verifyPIN("4040", for: MSISDN(parsing: Self.swahili), attemptID: "check")
        XCTAssertEqual(verification, .accepted)
        XCTAssertEqual(try fixture.publishedCount(), 0)
    }

    func testLanguage_whenEnglishSubscriberChoosesKiswahili_theNextDialIsInKiswahili() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let screens = try await ussd.dial(["98", "5", "4", "2"], session: "lang-en", msisdn: Self.english)
            assertScreen(screens[3], startsWith: "CON Choose language", contains: ["1 English", "2 Kiswahili", "0 Back"])
            XCTAssertEqual(screens[4], "END Lugha yako sasa ni Kiswahili.")
            let next = try await ussd.hop("", session: "lang-en-next", phone: "+" + Self.english)
            assertScreen(next, startsWith: "CON M-PESA", contains: ["1 Tuma Pesa", "98 Zaidi"])
            let payment = try await ussd.hop("1", session: "lang-en-next", phone: "+" + Self.english)
            assertScreen(payment, startsWith: "CON Weka nambari ya simu")
        }
        XCTAssertEqual(try fixture.ledger.subscriber(MSISDN(parsing: Self.english))?.language, .swahili)
    }

    func testLanguage_whenKiswahiliSubscriberChoosesEnglish_theNextDialIsInEnglish() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let screens = try await ussd.dial(["98", "5", "4", "1"], session: "lang-sw", msisdn: Self.swahili)
            assertScreen(screens[3], startsWith: "CON Chagua lugha", contains: ["1 English", "2 Kiswahili", "0 Rudi"])
            XCTAssertEqual(screens[4], "END Your language is now English.")
            let next = try await ussd.hop("", session: "lang-sw-next", phone: "+" + Self.swahili)
            assertScreen(next, startsWith: "CON M-PESA", contains: ["1 Send Money", "98 More"])
        }
        XCTAssertEqual(try fixture.ledger.subscriber(MSISDN(parsing: Self.swahili))?.language, .english)
    }
}
