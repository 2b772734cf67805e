import Foundation
import Payments
import XCTest
@testable import USSDGateway

/// Buy Airtime through `POST /ussd`, for the caller's own number and for another number, in both languages:
/// each ends in an `AIRTIME_PURCHASE` whose `toMsisdn` is the number topped up, normalised to `2547…`.
final class BuyAirtimeEndpointTests: XCTestCase {
    static let english = "254701200001"
    static let swahili = "254701200002"

    private func makeFixture() throws -> GatewayFixture {
        let fixture = try GatewayFixture()
        try fixture.enrol(Self.english, name: "BRIAN OMONDI", language: .english, region: "KISUMU", pin: "8642")
        try fixture.enrol(Self.swahili, name: "ZAWADI MUTUA", language: .swahili, region: "MACHAKOS", pin: "7531")
        return fixture
    }

    func testBuyAirtime_inEnglish_forMyNumberAndForAnotherNumber_publishesTwoAirtimePurchases() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let mine = try await ussd.dial(["3", "1", "100", "1", "8642"], session: "air-en-1", msisdn: Self.english)
            assertScreen(mine[0], startsWith: "CON M-PESA", contains: ["3 Buy Airtime"])
            assertScreen(mine[1], startsWith: "CON Buy airtime for", contains: ["1 My number", "2 Other number", "0 Back"])
            assertScreen(mine[2], startsWith: "CON Enter amount")
            assertScreen(mine[3], startsWith: "CON Buy Ksh100 airtime for 254701200001?", contains: ["Fee Ksh0", "1 Confirm"])
            XCTAssertEqual(mine[4], "CON Enter M-PESA PIN")
            XCTAssertEqual(mine[5], "END Request received. You will receive a confirmation SMS.")

            let other = try await ussd.dial(
                ["3", "2", "0722334455", "250", "1", "8642"], session: "air-en-2", msisdn: Self.english)
            assertScreen(other[2], startsWith: "CON Enter phone no.")
            assertScreen(other[3], startsWith: "CON Enter amount")
            assertScreen(other[4], startsWith: "CON Buy Ksh250 airtime for 254722334455?", contains: ["Fee Ksh0"])
            XCTAssertEqual(other[6], "END Request received. You will receive a confirmation SMS.")
        }
        let requests = try await fixture.readExactly(2)
        guard requests.count == 2 else { return }
        let own = try request(.airtimePurchase, to: Self.english, in: requests)
        XCTAssertEqual(own.fromMsisdn.value, Self.english)
        XCTAssertEqual(own.amount, Money(amount: 100))
        XCTAssertEqual(own.location, "KISUMU")
        XCTAssertNil(own.accountReference)
        let gift = try request(.airtimePurchase, to: "254722334455", in: requests)
        XCTAssertEqual(gift.fromMsisdn.value, Self.english)
        XCTAssertEqual(gift.amount, Money(amount: 250))
        XCTAssertEqual(gift.initiationChannel, "USSD")
    }

    func testBuyAirtime_inKiswahili_forMyNumberAndForAnotherNumber_publishesTwoAirtimePurchases() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let mine = try await ussd.dial(["3", "1", "50", "1", "7531"], session: "air-sw-1", msisdn: Self.swahili)
            assertScreen(mine[0], startsWith: "CON M-PESA", contains: ["3 Nunua Airtime"])
            assertScreen(
                mine[1], startsWith: "CON Nunua airtime kwa", contains: ["1 Nambari yangu", "2 Nambari nyingine", "0 Rudi"])
            assertScreen(mine[2], startsWith: "CON Weka kiasi")
            assertScreen(mine[3], startsWith: "CON Nunua airtime ya Ksh50 kwa 254701200002?", contains: ["Ada Ksh0", "1 Kubali"])
            XCTAssertEqual(mine[4], "CON Weka PIN ya M-PESA")
            XCTAssertEqual(mine[5], "END Ombi limepokelewa. Utapokea SMS ya uthibitisho.")

            // A bad number first: the Kiswahili error, then the same screen accepts a retry.
            let other = try await ussd.dial(
                ["3", "2", "07123", "0711987654", "1000", "1", "7531"], session: "air-sw-2", msisdn: Self.swahili)
            assertScreen(
                other[3], startsWith: "CON Nambari ya simu si sahihi. Tumia 07XXXXXXXX au 2547XXXXXXXX.",
                contains: ["\nWeka nambari ya simu"])
            assertScreen(other[4], startsWith: "CON Weka kiasi")
            assertScreen(other[5], startsWith: "CON Nunua airtime ya Ksh1,000 kwa 254711987654?")
            XCTAssertEqual(other[7], "END Ombi limepokelewa. Utapokea SMS ya uthibitisho.")
        }
        let requests = try await fixture.readExactly(2)
        guard requests.count == 2 else { return }
        let own = try request(.airtimePurchase, to: Self.swahili, in: requests)
        XCTAssertEqual(own.fromMsisdn.value, Self.swahili)
        XCTAssertEqual(own.amount, Money(amount: 50))
        XCTAssertEqual(own.location, "MACHAKOS")
        let gift = try request(.airtimePurchase, to: "254711987654", in: requests)
        XCTAssertEqual(gift.fromMsisdn.value, Self.swahili)
        XCTAssertEqual(gift.amount, Money(amount: 1_000))
    }
}
