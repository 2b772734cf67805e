import Foundation
import Payments
import XCTest
@testable import USSDGateway

/// Send Money in Kiswahili through `POST /ussd`, read back from `payment-requests` (the English dialogue and its
/// event are in `SendMoneyEndpointTests`). Grace is a demo subscriber: her county comes from `seedDemoData`.
final class SendMoneyKiswahiliEndpointTests: XCTestCase {
    static let grace = "254733445566"

    func testSendMoney_inKiswahili_afterABadAmountAndARetry_publishesTheTransferFromGrace() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try fixture.ledger.setPIN("6060", for: MSISDN(parsing: Self.grace))
        try await fixture.withClient { ussd in
            let screens = try await ussd.dial(
                ["1", "0110556677", "300000", "1500", "1", "6060"], session: "sm-sw", msisdn: Self.grace)
            assertScreen(screens[0], startsWith: "CON M-PESA", contains: ["1 Tuma Pesa", "2 Toa Pesa", "98 Zaidi"])
            assertScreen(screens[1], startsWith: "CON Weka nambari ya simu", contains: ["0 Rudi"])
            assertScreen(screens[2], startsWith: "CON Weka kiasi")
            assertScreen(screens[3], startsWith: "CON Weka kiasi kati ya Ksh1 na Ksh250,000.", contains: ["\nWeka kiasi"])
            assertScreen(
                screens[4], startsWith: "CON Tuma Ksh1,500 kwa JAMES MWANGI 254110556677?",
                contains: ["Ada Ksh10", "1 Kubali", "2 Ghairi"])
            XCTAssertEqual(screens[5], "CON Weka PIN ya M-PESA")
            XCTAssertEqual(screens[6], "END Ombi limepokelewa. Utapokea SMS ya uthibitisho.")
        }
        let requests = try await fixture.readExactly(1)
        let sent = try XCTUnwrap(requests.first)
        XCTAssertEqual(sent.transactionType, .p2pTransfer)
        XCTAssertEqual(sent.fromMsisdn.value, Self.grace)
        XCTAssertEqual(sent.toMsisdn, "254110556677")
        XCTAssertEqual(sent.amount, Money(amount: 1_500))
        XCTAssertEqual(sent.location, "MOMBASA", "Grace's county in the demo data")
        XCTAssertEqual(sent.initiationChannel, "USSD")
        XCTAssertNil(sent.accountReference)
    }
}
