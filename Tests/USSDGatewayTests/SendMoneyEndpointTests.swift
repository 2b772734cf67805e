import Foundation
import Payments
import XCTest
@testable import USSDGateway

/// Whole dialogues through `POST /ussd`, against the embedded cluster.
final class SendMoneyEndpointTests: XCTestCase {
    func testSendMoney_whenConfirmedWithRightPIN_publishesTheSeedRequestAfterKafkaAcknowledged() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let menu = try await ussd.hop("")
            XCTAssertTrue(menu.hasPrefix("CON M-PESA"), menu)
            XCTAssertTrue(menu.contains("1 Send Money"), menu)
            let got1 = try await ussd.hop("1")
            XCTAssertTrue(got1.hasPrefix("CON Enter phone no."))
            let got2 = try await ussd.hop("1*0711987654")
            XCTAssertTrue(got2.hasPrefix("CON Enter amount"))
            let confirm = try await ussd.hop("1*0711987654*5000")
            XCTAssertTrue(confirm.hasPrefix("CON Send Ksh5,000 to MARY WANJIKU 254711987654?"), confirm)
            XCTAssertTrue(confirm.contains("Fee Ksh15"), confirm)
            let got3 = try await ussd.hop("1*0711987654*5000*1")
            XCTAssertTrue(got3.hasPrefix("CON Enter M-PESA PIN"))
            let done = try await ussd.hop("1*0711987654*5000*1*\(GatewayFixture.pin)")
            XCTAssertEqual(done, "END Request received. You will receive a confirmation SMS.")
        }
        let records = try await fixture.readRequests(1)
        let (request, record) = try XCTUnwrap(records.first)
        XCTAssertEqual(request.fromMsisdn.value, "254700123456")
        XCTAssertEqual(request.toMsisdn, "254711987654")
        XCTAssertEqual(request.amount, Money(amount: 5_000))
        XCTAssertEqual(request.currency, "KES")
        XCTAssertEqual(request.transactionType, .p2pTransfer)
        XCTAssertEqual(request.initiationChannel, "USSD")
        XCTAssertEqual(request.location, "NAIROBI", "the county John registered in, as in the seed's event")
        XCTAssertTrue(request.transactionId.value.hasPrefix("TXN-20240902-"), request.transactionId.value)
        XCTAssertEqual(request.timestamp, fixture.clock.now)
        XCTAssertEqual(record.keyString, "254700123456")
        XCTAssertNotNil(record.headers.string(for: "traceparent"))
        let json = String(decoding: record.value, as: UTF8.self)
        XCTAssertFalse(json.contains(GatewayFixture.pin), "no PIN on Kafka: \(json)")
    }

    func testSendMoney_inKiswahili_showsKiswahiliScreensForASwahiliSubscriber() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let phone = "+254722334455"
            let menu = try await ussd.hop("", session: "sw1", phone: phone)
            XCTAssertTrue(menu.contains("1 Tuma Pesa"), menu)
            let got4 = try await ussd.hop("1", session: "sw1", phone: phone)
            XCTAssertTrue(got4.hasPrefix("CON Weka nambari ya simu"))
            _ = try await ussd.hop("1*0700123456", session: "sw1", phone: phone)
            let confirm = try await ussd.hop("1*0700123456*100", session: "sw1", phone: phone)
            XCTAssertTrue(confirm.hasPrefix("CON Tuma Ksh100 kwa JOHN KAMAU 254700123456?"), confirm)
            _ = try await ussd.hop("1*0700123456*100*1", session: "sw1", phone: phone)
            let done = try await ussd.hop("1*0700123456*100*1*4321", session: "sw1", phone: phone)
            XCTAssertEqual(done, "END Ombi limepokelewa. Utapokea SMS ya uthibitisho.")
        }
        XCTAssertEqual(try fixture.publishedCount(), 1)
    }

    func testSendMoney_whenPhoneNumberInvalid_showsTheErrorAndAcceptsARetry() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            _ = try await ussd.hop("")
            _ = try await ussd.hop("1")
            let retry = try await ussd.hop("1*12345")
            XCTAssertTrue(retry.hasPrefix("CON Invalid phone number."), retry)
            XCTAssertTrue(retry.contains("Enter phone no."), retry)
            let got5 = try await ussd.hop("1*12345*0711987654")
            XCTAssertTrue(got5.hasPrefix("CON Enter amount"))
        }
        XCTAssertEqual(try fixture.publishedCount(), 0)
    }

    func testPIN_whenWrongThreeTimes_locksTheAccountAndRefusesEvenTheRightPIN() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            var text = "1*0711987654*500*1"
            _ = try await ussd.hop("")
            for prefix in ["1", "1*0711987654", "1*0711987654*500", text] { _ = try await ussd.hop(prefix) }
            text += "*0000"
            let got6 = try await ussd.hop(text)
            XCTAssertTrue(got6.hasPrefix("CON Wrong PIN. Attempts left: 2."))
            // The same hop again changes nothing: still two attempts left.
            let got7 = try await ussd.hop(text)
            XCTAssertTrue(got7.hasPrefix("CON Wrong PIN. Attempts left: 2."))
            text += "*1111"
            let got8 = try await ussd.hop(text)
            XCTAssertTrue(got8.hasPrefix("CON Wrong PIN. Attempts left: 1."))
            text += "*2222"
            let locked = try await ussd.hop(text)
            XCTAssertTrue(locked.hasPrefix("END Wrong PIN entered too many times."), locked)
            XCTAssertTrue(locked.contains("locked for 15 minutes"), locked)
            // A new session with the right PIN is refused too.
            for prefix in ["", "1", "1*0711987654", "1*0711987654*500", "1*0711987654*500*1"] {
                _ = try await ussd.hop(prefix, session: "after-lock")
            }
            let refused = try await ussd.hop("1*0711987654*500*1*1234", session: "after-lock")
            XCTAssertTrue(refused.hasPrefix("END Wrong PIN entered too many times."), refused)
        }
        XCTAssertEqual(try fixture.publishedCount(), 0)
    }

    func testDuplicateHop_whenCopiesArriveConcurrently_answersTheSameScreenAndPublishesOnce() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            for prefix in ["", "1", "1*0711987654", "1*0711987654*5000", "1*0711987654*5000*1"] {
                _ = try await ussd.hop(prefix)
            }
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<4 { group.addTask { try await ussd.hop("1*0711987654*5000*1*\(GatewayFixture.pin)") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(Set(answers), ["END Request received. You will receive a confirmation SMS."])
        }
        XCTAssertEqual(try fixture.publishedCount(), 1)
    }
}
