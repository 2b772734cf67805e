import Foundation
import Payments
import XCTest
@testable import USSDGateway

/// Timeouts on the test clock through `POST /ussd`: the session lifetime, the idle timeout's network floor, and
/// the Pending offer on redial in Kiswahili and for a withdrawal (the English Send Money offer is in
/// `SessionEndpointTests`). A resumed payment is published exactly once.
final class TimeoutAndResumeEndpointTests: XCTestCase {
    static let english = "254701600001"
    static let swahili = "254701600002"

    private func makeFixture(
        configure: (inout USSDGatewayConfiguration) -> Void = { _ in }
    ) throws -> GatewayFixture {
        let fixture = try GatewayFixture(configure: configure)
        try fixture.enrol(Self.english, name: "FAITH CHEBET", language: .english, region: "KERICHO", pin: "3141")
        try fixture.enrol(Self.swahili, name: "BARAKA NYALE", language: .swahili, region: "TAITA TAVETA", pin: "2718")
        return fixture
    }

    func testSession_whenOlderThanItsLifetime_expiresInKiswahiliEvenWhileActive() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let phone = "+" + Self.swahili
            _ = try await ussd.hop("", session: "life", phone: phone)
            for text in ["1", "1*0711987654", "1*0711987654*500"] {
                fixture.clock.advance(seconds: 50)
                let screen = try await ussd.hop(text, session: "life", phone: phone)
                XCTAssertTrue(screen.hasPrefix("CON"), screen)
            }
            fixture.clock.advance(seconds: 50)  // 200 s after the first hop, never idle for more than 50 s
            let expired = try await ussd.hop("1*0711987654*500*1", session: "life", phone: phone)
            XCTAssertEqual(expired, "END Muda wa kipindi chako umekwisha. Tafadhali piga *334# tena.")
        }
    }

    func testIdleTimeout_configuredBelowTheNetworksOwn_waitsForTheNetworksTimeout() async throws {
        let fixture = try makeFixture { $0.idleTimeout = .seconds(30) }
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let phone = "+" + Self.english
            _ = try await ussd.hop("", session: "idle", phone: phone)
            fixture.clock.advance(seconds: 45)
            let alive = try await ussd.hop("1", session: "idle", phone: phone)
            XCTAssertEqual(alive, "CON Enter phone no.\n0 Back", "the network still holds the session at 45 s")
            fixture.clock.advance(seconds: 61)
            let expired = try await ussd.hop("1*0711987654", session: "idle", phone: phone)
            XCTAssertEqual(expired, "END Your session has expired. Please dial *334# again.")
        }
    }

    func testRedial_afterTimingOutOnTheConfirmScreen_resumesInTheSubscribersLanguageAndPublishesEachOnce() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            // Kiswahili Send Money, abandoned on the confirm screen.
            let sw = try await ussd.dial(["1", "0711987654", "4000"], session: "res-sw-1", msisdn: Self.swahili)
            assertScreen(sw[3], startsWith: "CON Tuma Ksh4,000 kwa MARY WANJIKU 254711987654?")
            // English withdrawal, abandoned on the confirm screen.
            let en = try await ussd.dial(["2", "123456", "7", "2500"], session: "res-en-1", msisdn: Self.english)
            assertScreen(en[4], startsWith: "CON Withdraw Ksh2,500 from MAMA MBOGA AGENCIES, agent 123456 store 7?")
            fixture.clock.advance(seconds: 70)

            let offer = try await ussd.dial(["1", "2718"], session: "res-sw-2", msisdn: Self.swahili)
            XCTAssertEqual(offer[0], "CON Inasubiri: tuma Ksh4,000 kwa MARY WANJIKU?\n1 Kubali\n2 Ghairi")
            XCTAssertEqual(offer[1], "CON Weka PIN ya M-PESA")
            XCTAssertEqual(offer[2], "END Ombi limepokelewa. Utapokea SMS ya uthibitisho.")
            // The final hop delivered again changes nothing.
            let again = try await ussd.hop("1*2718", session: "res-sw-2", phone: "+" + Self.swahili)
            XCTAssertEqual(again, offer[2])

            let withdrawal = try await ussd.dial(["1", "3141"], session: "res-en-2", msisdn: Self.english)
            XCTAssertEqual(withdrawal[0], "CON Pending: withdraw Ksh2,500 from MAMA MBOGA AGENCIES?\n1 Confirm\n2 Cancel",
                           "offered in the words of its own flow, not as a send")
            XCTAssertEqual(withdrawal[1], "CON Enter M-PESA PIN")
            XCTAssertEqual(withdrawal[2], "END Request received. You will receive a confirmation SMS.")

            // Both paid: the next dials show the menu, not an offer.
            let menu = try await ussd.hop("", session: "res-sw-3", phone: "+" + Self.swahili)
            assertScreen(menu, startsWith: "CON M-PESA", contains: ["1 Tuma Pesa"])
        }
        let requests = try await fixture.readExactly(2)
        guard requests.count == 2 else { return }
        let sent = try request(.p2pTransfer, to: "254711987654", in: requests)
        XCTAssertEqual(sent.fromMsisdn.value, Self.swahili)
        XCTAssertEqual(sent.amount, Money(amount: 4_000))
        XCTAssertEqual(sent.location, "TAITA TAVETA")
        let withdrawn = try request(.agentWithdrawal, to: "123456", in: requests)
        XCTAssertEqual(withdrawn.fromMsisdn.value, Self.english)
        XCTAssertEqual(withdrawn.amount, Money(amount: 2_500))
        XCTAssertEqual(withdrawn.accountReference, "7", "the store number survives the resume")
        XCTAssertEqual(withdrawn.location, "KERICHO")
    }

    func testPendingOffer_whenCancelledInKiswahili_publishesNothingAndTheNextDialShowsTheMenu() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            _ = try await ussd.dial(["1", "0711987654", "800"], session: "can-1", msisdn: Self.swahili)
            fixture.clock.advance(seconds: 70)
            let offer = try await ussd.dial(["2"], session: "can-2", msisdn: Self.swahili)
            XCTAssertEqual(offer[0], "CON Inasubiri: tuma Ksh800 kwa MARY WANJIKU?\n1 Kubali\n2 Ghairi")
            XCTAssertEqual(offer[1], "END Muamala umesitishwa.")
            let menu = try await ussd.hop("", session: "can-3", phone: "+" + Self.swahili)
            assertScreen(menu, startsWith: "CON M-PESA", contains: ["1 Tuma Pesa"])
        }
        XCTAssertEqual(try fixture.publishedCount(), 0)
    }

    func testRedial_afterAnAirtimePurchaseTimedOut_offersItAsAirtimeForThatNumber_andCancelPublishesNothing() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let screens = try await ussd.dial(["3", "2", "0711987654", "100"], session: "res-air-1", msisdn: Self.english)
            assertScreen(screens[4], startsWith: "CON Buy Ksh100 airtime for 254711987654?")
            fixture.clock.advance(seconds: 70)

            let offer = try await ussd.dial(["2"], session: "res-air-2", msisdn: Self.english)
            XCTAssertEqual(offer[0], "CON Pending: buy Ksh100 airtime for 254711987654?\n1 Confirm\n2 Cancel")
            XCTAssertEqual(offer[1], "END Transaction cancelled.")
        }
        _ = try await fixture.readExactly(0)
    }
}
