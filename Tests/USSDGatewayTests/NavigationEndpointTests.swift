import Foundation
import Payments
import XCTest
@testable import USSDGateway

/// `98 More` / `0 Back` through `POST /ussd`: paging the main menu, going back a screen and changing an answer,
/// and the two keys meaning nothing special where a screen does not offer them.
final class NavigationEndpointTests: XCTestCase {
    static let english = "254701500001"
    static let swahili = "254701500002"

    private func makeFixture() throws -> GatewayFixture {
        let fixture = try GatewayFixture()
        try fixture.enrol(Self.english, name: "EVANS CHEGE", language: .english, region: "MURANG'A", pin: "9090")
        try fixture.enrol(Self.swahili, name: "HALIMA JUMA", language: .swahili, region: "KWALE", pin: "8080")
        return fixture
    }

    func testMainMenu_98ShowsTheNextPageAnd0ComesBack_inEnglishAndKiswahili() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let en = try await ussd.dial(["98", "0", "98", "5"], session: "nav-en", msisdn: Self.english)
            XCTAssertEqual(en[0], "CON M-PESA\n1 Send Money\n2 Withdraw Cash\n3 Buy Airtime\n4 Lipa na M-PESA\n98 More")
            XCTAssertEqual(en[1], "CON 5 My Account\n0 Back")
            XCTAssertEqual(en[2], en[0], "0 Back returns to the first page")
            XCTAssertEqual(en[3], en[1])
            assertScreen(en[4], startsWith: "CON My Account", contains: ["1 Check balance"])

            let sw = try await ussd.dial(["98", "0"], session: "nav-sw", msisdn: Self.swahili)
            XCTAssertEqual(sw[0], "CON M-PESA\n1 Tuma Pesa\n2 Toa Pesa\n3 Nunua Airtime\n4 Lipa na M-PESA\n98 Zaidi")
            XCTAssertEqual(sw[1], "CON 5 Akaunti Yangu\n0 Rudi")
            XCTAssertEqual(sw[2], sw[0])
        }
    }

    func testNavigationKeys_whereTheScreenDoesNotOfferThem_areInvalidChoices() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            // The first page of the main menu has no "0 Back"; its last page has no "98 More".
            let en = try await ussd.dial(["0", "98", "98"], session: "nav-x", msisdn: Self.english)
            assertScreen(en[1], startsWith: "CON Invalid choice.\nM-PESA", contains: ["1 Send Money", "98 More"])
            XCTAssertEqual(en[2], "CON 5 My Account\n0 Back")
            XCTAssertEqual(en[3], "CON Invalid choice.\n5 My Account\n0 Back")
            let sw = try await ussd.dial(["0"], session: "nav-y", msisdn: Self.swahili)
            assertScreen(sw[1], startsWith: "CON Chaguo si sahihi.\nM-PESA", contains: ["1 Tuma Pesa"])
        }
    }

    func testBack_inKiswahili_walksBackThroughWithdrawCashToTheMainMenu() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let sw = try await ussd.dial(["2", "123456", "0", "0"], session: "nav-back-sw", msisdn: Self.swahili)
            assertScreen(sw[2], startsWith: "CON Weka nambari ya duka", contains: ["0 Rudi"])
            XCTAssertEqual(sw[3], "CON Weka nambari ya wakala\n0 Rudi")
            XCTAssertEqual(sw[4], sw[0], "back from the first screen of a flow is the main menu")
        }
        XCTAssertEqual(try fixture.publishedCount(), 0)
    }

    func testBack_whenTheNumberAndAmountAreChanged_publishesOnlyTheNewAnswers() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let en = try await ussd.dial(
                ["1", "0711987654", "0", "0722334455", "200", "0", "300", "1", "9090"], session: "nav-back-en",
                msisdn: Self.english)
            assertScreen(en[2], startsWith: "CON Enter amount", contains: ["0 Back"])
            XCTAssertEqual(en[3], "CON Enter phone no.\n0 Back")
            assertScreen(en[4], startsWith: "CON Enter amount")
            assertScreen(en[5], startsWith: "CON Send Ksh200 to PETER OTIENO 254722334455?", contains: ["0 Back"])
            XCTAssertEqual(en[6], "CON Enter amount\n0 Back")
            assertScreen(en[7], startsWith: "CON Send Ksh300 to PETER OTIENO 254722334455?", contains: ["Fee Ksh5"])
            XCTAssertEqual(en[9], "END Request received. You will receive a confirmation SMS.")
        }
        let requests = try await fixture.readExactly(1)
        let sent = try XCTUnwrap(requests.first)
        XCTAssertEqual(sent.transactionType, .p2pTransfer)
        XCTAssertEqual(sent.fromMsisdn.value, Self.english)
        XCTAssertEqual(sent.toMsisdn, "254722334455", "the number entered after going back")
        XCTAssertEqual(sent.amount, Money(amount: 300), "the amount entered after going back")
        XCTAssertEqual(sent.location, "MURANG'A")
    }
}
