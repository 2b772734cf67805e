import Foundation
import Payments
import XCTest
@testable import USSDGateway

/// Withdraw Cash through `POST /ussd`: agent number, store number, amount, confirm with the agent's name and fee,
/// PIN, then an `AGENT_WITHDRAWAL` on `payment-requests` (agent in `toMsisdn`, store in `accountReference`).
final class WithdrawCashEndpointTests: XCTestCase {
    static let english = "254701100001"
    static let swahili = "254701100002"

    private func makeFixture() throws -> GatewayFixture {
        let fixture = try GatewayFixture()
        try fixture.enrol(Self.english, name: "ALICE NJERI", language: .english, region: "NAIROBI", pin: "2468")
        try fixture.enrol(Self.swahili, name: "HASSAN ALI", language: .swahili, region: "MOMBASA", pin: "1357")
        return fixture
    }

    func testWithdrawCash_inEnglishAndKiswahili_confirmsTheAgentAndPublishesAgentWithdrawals() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let en = try await ussd.dial(["2", "123456", "1", "2000", "1", "2468"], session: "wd-en", msisdn: Self.english)
            assertScreen(en[0], startsWith: "CON M-PESA", contains: ["2 Withdraw Cash"])
            assertScreen(en[1], startsWith: "CON Enter agent no.", contains: ["0 Back"])
            assertScreen(en[2], startsWith: "CON Enter store no.")
            assertScreen(en[3], startsWith: "CON Enter amount")
            assertScreen(
                en[4], startsWith: "CON Withdraw Ksh2,000 from MAMA MBOGA AGENCIES, agent 123456 store 1?",
                contains: ["Fee Ksh10", "1 Confirm", "2 Cancel"])
            XCTAssertEqual(en[5], "CON Enter M-PESA PIN")
            XCTAssertEqual(en[6], "END Request received. You will receive a confirmation SMS.")

            let sw = try await ussd.dial(["2", "234567", "12", "3000", "1", "1357"], session: "wd-sw", msisdn: Self.swahili)
            assertScreen(sw[0], startsWith: "CON M-PESA", contains: ["2 Toa Pesa"])
            assertScreen(sw[1], startsWith: "CON Weka nambari ya wakala", contains: ["0 Rudi"])
            assertScreen(sw[2], startsWith: "CON Weka nambari ya duka")
            assertScreen(sw[3], startsWith: "CON Weka kiasi")
            assertScreen(
                sw[4], startsWith: "CON Toa Ksh3,000 kwa KIBERA CASH POINT, wakala 234567 duka 12?",
                contains: ["Ada Ksh15", "1 Kubali", "2 Ghairi"])
            XCTAssertEqual(sw[5], "CON Weka PIN ya M-PESA")
            XCTAssertEqual(sw[6], "END Ombi limepokelewa. Utapokea SMS ya uthibitisho.")
        }
        let requests = try await fixture.readExactly(2)
        guard requests.count == 2 else { return }
        let alice = try request(.agentWithdrawal, to: "123456", in: requests)
        XCTAssertEqual(alice.fromMsisdn.value, Self.english)
        XCTAssertEqual(alice.amount, Money(amount: 2_000))
        XCTAssertEqual(alice.accountReference, "1", "the store number")
        XCTAssertEqual(alice.location, "NAIROBI")
        XCTAssertEqual(alice.initiationChannel, "USSD")
        let hassan = try request(.agentWithdrawal, to: "234567", in: requests)
        XCTAssertEqual(hassan.fromMsisdn.value, Self.swahili)
        XCTAssertEqual(hassan.amount, Money(amount: 3_000))
        XCTAssertEqual(hassan.accountReference, "12")
        XCTAssertEqual(hassan.location, "MOMBASA")
    }

    func testWithdrawCash_whenAgentUnknown_endsWithTheNumberAndPublishesNothing() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let en = try await ussd.dial(["2", "999999", "1", "500"], session: "wd-x", msisdn: Self.english)
            XCTAssertEqual(en[4], "END Agent 999999 was not found. Check the number and try again.")
            let sw = try await ussd.dial(["2", "999999", "1", "500"], session: "wd-y", msisdn: Self.swahili)
            XCTAssertEqual(sw[4], "END Wakala 999999 hakupatikana. Hakikisha nambari kisha ujaribu tena.")
        }
        XCTAssertEqual(try fixture.publishedCount(), 0)
    }

    func testWithdrawCash_whenAmountBelowTheMinimum_showsTheErrorThenAcceptsARetry() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let sw = try await ussd.dial(["2", "123456", "1", "20", "500"], session: "wd-r", msisdn: Self.swahili)
            assertScreen(sw[4], startsWith: "CON Weka kiasi kati ya Ksh50 na Ksh250,000.", contains: ["\nWeka kiasi"])
            assertScreen(sw[5], startsWith: "CON Toa Ksh500 kwa MAMA MBOGA AGENCIES", contains: ["Ada Ksh5"])
        }
        XCTAssertEqual(try fixture.publishedCount(), 0)
    }
}
