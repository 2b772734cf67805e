import Foundation
import Payments
import XCTest
@testable import USSDGateway

/// Lipa na M-PESA through `POST /ussd`: Pay Bill (business number, account number) publishes a `PAYBILL` with the
/// account in `accountReference`; Buy Goods (till number) publishes a `BUY_GOODS`. Both languages.
final class LipaNaMpesaEndpointTests: XCTestCase {
    static let english = "254701300001"
    static let swahili = "254701300002"

    private func makeFixture() throws -> GatewayFixture {
        let fixture = try GatewayFixture()
        try fixture.enrol(Self.english, name: "CAROL WAMBUI", language: .english, region: "NYERI", pin: "1029")
        try fixture.enrol(Self.swahili, name: "OMAR SAID", language: .swahili, region: "KILIFI", pin: "3847")
        return fixture
    }

    func testLipaNaMpesa_inEnglish_payBillAndBuyGoods_publishPaybillAndBuyGoods() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let bill = try await ussd.dial(
                ["4", "1", "888880", "12345678", "2500", "1", "1029"], session: "lipa-en-1", msisdn: Self.english)
            assertScreen(bill[0], startsWith: "CON M-PESA", contains: ["4 Lipa na M-PESA"])
            assertScreen(bill[1], startsWith: "CON Lipa na M-PESA", contains: ["1 Pay Bill", "2 Buy Goods and Services"])
            assertScreen(bill[2], startsWith: "CON Enter business no.")
            assertScreen(bill[3], startsWith: "CON Enter account no.")
            assertScreen(bill[4], startsWith: "CON Enter amount")
            assertScreen(
                bill[5], startsWith: "CON Pay Ksh2,500 to KENYA POWER (888880) for account 12345678?",
                contains: ["Fee Ksh0", "1 Confirm", "2 Cancel"])
            XCTAssertEqual(bill[6], "CON Enter M-PESA PIN")
            XCTAssertEqual(bill[7], "END Request received. You will receive a confirmation SMS.")

            let goods = try await ussd.dial(["4", "2", "832910", "750", "1", "1029"], session: "lipa-en-2", msisdn: Self.english)
            assertScreen(goods[2], startsWith: "CON Enter till no.")
            assertScreen(goods[3], startsWith: "CON Enter amount")
            assertScreen(goods[4], startsWith: "CON Pay Ksh750 to NAIVAS SUPERMARKET, till 832910?", contains: ["Fee Ksh0"])
            XCTAssertEqual(goods[6], "END Request received. You will receive a confirmation SMS.")
        }
        let requests = try await fixture.readExactly(2)
        guard requests.count == 2 else { return }
        let bill = try request(.paybill, to: "888880", in: requests)
        XCTAssertEqual(bill.fromMsisdn.value, Self.english)
        XCTAssertEqual(bill.amount, Money(amount: 2_500))
        XCTAssertEqual(bill.accountReference, "12345678")
        XCTAssertEqual(bill.location, "NYERI")
        let goods = try request(.buyGoods, to: "832910", in: requests)
        XCTAssertEqual(goods.fromMsisdn.value, Self.english)
        XCTAssertEqual(goods.amount, Money(amount: 750))
        XCTAssertNil(goods.accountReference)
        XCTAssertEqual(goods.location, "NYERI")
    }

    func testLipaNaMpesa_inKiswahili_payBillAndBuyGoods_publishPaybillAndBuyGoods() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            // A business number too short first: the Kiswahili error, then a retry.
            let bill = try await ussd.dial(
                ["4", "1", "247", "247247", "99001", "10000", "1", "3847"], session: "lipa-sw-1", msisdn: Self.swahili)
            assertScreen(bill[1], startsWith: "CON Lipa na M-PESA", contains: ["1 Lipa Bili", "2 Nunua Bidhaa na Huduma"])
            assertScreen(bill[2], startsWith: "CON Weka nambari ya biashara")
            assertScreen(bill[3], startsWith: "CON Nambari ya biashara si sahihi.", contains: ["\nWeka nambari ya biashara"])
            assertScreen(bill[4], startsWith: "CON Weka nambari ya akaunti")
            assertScreen(bill[5], startsWith: "CON Weka kiasi")
            assertScreen(
                bill[6], startsWith: "CON Lipa Ksh10,000 kwa EQUITY BANK (247247) akaunti 99001?",
                contains: ["Ada Ksh0", "1 Kubali", "2 Ghairi"])
            XCTAssertEqual(bill[7], "CON Weka PIN ya M-PESA")
            XCTAssertEqual(bill[8], "END Ombi limepokelewa. Utapokea SMS ya uthibitisho.")

            let goods = try await ussd.dial(["4", "2", "555444", "320", "1", "3847"], session: "lipa-sw-2", msisdn: Self.swahili)
            assertScreen(goods[2], startsWith: "CON Weka nambari ya till")
            assertScreen(goods[4], startsWith: "CON Lipa Ksh320 kwa JAVA HOUSE, till 555444?", contains: ["Ada Ksh0"])
            XCTAssertEqual(goods[6], "END Ombi limepokelewa. Utapokea SMS ya uthibitisho.")
        }
        let requests = try await fixture.readExactly(2)
        guard requests.count == 2 else { return }
        let bill = try request(.paybill, to: "247247", in: requests)
        XCTAssertEqual(bill.fromMsisdn.value, Self.swahili)
        XCTAssertEqual(bill.amount, Money(amount: 10_000))
        XCTAssertEqual(bill.accountReference, "99001")
        XCTAssertEqual(bill.location, "KILIFI")
        let goods = try request(.buyGoods, to: "555444", in: requests)
        XCTAssertEqual(goods.fromMsisdn.value, Self.swahili)
        XCTAssertEqual(goods.amount, Money(amount: 320))
    }

    func testLipaNaMpesa_whenTillUnknownOrCancelled_endsAndPublishesNothing() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let unknown = try await ussd.dial(["4", "2", "100200", "500"], session: "lipa-x", msisdn: Self.english)
            XCTAssertEqual(unknown[4], "END Till number 100200 was not found. Check the number and try again.")
            let cancelled = try await ussd.dial(["4", "2", "832910", "500", "2"], session: "lipa-y", msisdn: Self.swahili)
            XCTAssertEqual(cancelled[5], "END Muamala umesitishwa.")
        }
        XCTAssertEqual(try fixture.publishedCount(), 0)
    }
}
