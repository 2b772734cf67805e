import Foundation
import Kafka
import Payments
import XCTest
@testable import USSDGateway

/// Sessions, bad calls and Kafka's answers through `POST /ussd` and `POST /ussd/events`.
final class SessionEndpointTests: XCTestCase {
    func testHop_whenTextDoesNotExtendThePreviousOne_endsCleanly() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            _ = try await ussd.hop("")
            _ = try await ussd.hop("1")
            let got1 = try await ussd.hop("2*5")
            XCTAssertEqual(got1, "END Sorry, we could not follow your input. Please dial *334# again.")
        }
    }

    func testFirstHop_withDigitsDialledAfterTheCode_replaysThem() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let got2 = try await ussd.hop("1*0711987654")
            XCTAssertTrue(got2.hasPrefix("CON Enter amount"))
        }
    }

    func testHop_whenIdleLongerThanTheTimeout_answersExpired() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            _ = try await ussd.hop("")
            fixture.clock.advance(seconds: 61)
            let got3 = try await ussd.hop("1")
            XCTAssertEqual(got3, "END Your session has expired. Please dial *334# again.")
        }
    }

    func testRedial_afterTimingOutOnTheConfirmScreen_offersPendingAndPaysOnceWithTheSameID() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            for prefix in ["", "1", "1*0711987654", "1*0711987654*5000"] { _ = try await ussd.hop(prefix, session: "a") }
            fixture.clock.advance(seconds: 70)
            let offer = try await ussd.hop("", session: "b")
            XCTAssertEqual(offer, "CON Pending: send Ksh5,000 to MARY WANJIKU?\n1 Confirm\n2 Cancel")
            let got4 = try await ussd.hop("1", session: "b")
            XCTAssertEqual(got4, "CON Enter M-PESA PIN")
            // Timing out on the PIN screen keeps the offer; a third dial pays it.
            fixture.clock.advance(seconds: 70)
            _ = try await ussd.hop("", session: "c")
            _ = try await ussd.hop("1", session: "c")
            let done = try await ussd.hop("1*\(GatewayFixture.pin)", session: "c")
            XCTAssertEqual(done, "END Request received. You will receive a confirmation SMS.")
            // Paid: a fourth dial gets the menu, not the offer.
            let got5 = try await ussd.hop("", session: "d")
            XCTAssertTrue(got5.hasPrefix("CON M-PESA"))
        }
        XCTAssertEqual(try fixture.publishedCount(), 1)
    }

    func testRedial_afterTheResumeWindow_showsTheMenu() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            for prefix in ["", "1", "1*0711987654", "1*0711987654*5000"] { _ = try await ussd.hop(prefix, session: "a") }
            fixture.clock.advance(seconds: 60 + 121)
            let got6 = try await ussd.hop("", session: "b")
            XCTAssertTrue(got6.hasPrefix("CON M-PESA"))
        }
    }

    func testHop_withUnknownServiceCode_endsCleanly() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let got7 = try await ussd.hop("", serviceCode: "*999#")
            XCTAssertEqual(got7, "END This service code is not available.")
        }
    }

    func testHop_withInvalidPhoneOrMissingField_answers400WithAClearMessage() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let invalid = try await ussd.post(
                "/ussd", [("sessionId", "x"), ("serviceCode", "*334#"), ("phoneNumber", "+25420123"),
                          ("networkCode", "63902"), ("text", "")])
            XCTAssertEqual(invalid.status, .badRequest)
            XCTAssertEqual(invalid.body, "phoneNumber is not a valid mobile number.")
            let missing = try await ussd.post("/ussd", [("sessionId", "x"), ("serviceCode", "*334#")])
            XCTAssertEqual(missing.status, .badRequest)
            XCTAssertEqual(missing.body, "The field phoneNumber is missing.")
        }
    }

    func testHop_whenPlusArrivedAsASpace_isTheSameSubscriber() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            _ = try await ussd.hop("", phone: "+254700123456")
            let got8 = try await ussd.hop("1", phone: " 254700123456")
            XCTAssertTrue(got8.hasPrefix("CON Enter phone no."))
            let got9 = try await ussd.hop("1*0711987654", phone: "+254711987654")
            XCTAssertTrue(got9.hasPrefix("END"))
        }
    }

    func testEvents_recordsOnceWithThePINMaskedAndFreesTheSession() async throws {
        let fixture = try GatewayFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            for prefix in ["", "1", "1*0711987654", "1*0711987654*500", "1*0711987654*500*1", "1*0711987654*500*1*0000"] {
                _ = try await ussd.hop(prefix)
            }
            let fields = [("sessionId", "ATUid_1"), ("status", "Incomplete"), ("input", "1*0711987654*500*1*0000"),
                          ("durationInMillis", "30000"), ("hopsCount", "6")]
            let got10 = try await ussd.post("/ussd/events", fields)
            XCTAssertEqual(got10.status, .ok)
            let got11 = try await ussd.post("/ussd/events", fields)
            XCTAssertEqual(got11.status, .ok)
        }
        XCTAssertEqual(fixture.gateway.endLog.records.map(\.redactedInput), ["1*0711987654*500*1*****"])
        XCTAssertEqual(fixture.gateway.endLog.duplicates, 1)
        XCTAssertEqual(fixture.gateway.openSessions, 0)
    }

    func testProtection_whenSecretMissing_refuses401AndChangesNothing() async throws {
        let fixture = try GatewayFixture { $0.protection = EndpointProtection(sharedSecret: "s3cret") }
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let refused = try await ussd.post(
                "/ussd", [("sessionId", "p"), ("serviceCode", "*334#"), ("phoneNumber", "254700123456"),
                          ("networkCode", "63902"), ("text", "")])
            XCTAssertEqual(refused.status, .unauthorized)
            XCTAssertEqual(fixture.gateway.openSessions, 0)
            let allowed = try await ussd.post(
                "/ussd", [("sessionId", "p"), ("serviceCode", "*334#"), ("phoneNumber", "254700123456"),
                          ("networkCode", "63902"), ("text", "")], headers: [.init("X-USSD-Secret")!: "s3cret"])
            XCTAssertTrue(allowed.body.hasPrefix("CON M-PESA"))
        }
    }

    func testProtection_whenAddressNotAllowed_refuses403() async throws {
        let fixture = try GatewayFixture { $0.protection = EndpointProtection(allowedAddresses: ["10.0.0.1"]) }
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let refused = try await ussd.post("/ussd/events", [("sessionId", "q"), ("status", "Success")])
            XCTAssertEqual(refused.status, .forbidden)
        }
        XCTAssertTrue(fixture.gateway.endLog.records.isEmpty)
    }

    func testSubmit_whenEveryBrokerIsDown_saysNothingWasCharged() async throws {
        let fixture = try GatewayFixture(messageTimeout: .milliseconds(700))
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            for prefix in ["", "1", "1*0711987654", "1*0711987654*5000", "1*0711987654*5000*1"] {
                _ = try await ussd.hop(prefix)
            }
            fixture.cluster.setBrokerDown(1)
            let answer = try await ussd.hop("1*0711987654*5000*1*\(GatewayFixture.pin)")
            XCTAssertEqual(answer, "END Sorry, your request could not be sent. Nothing was charged. Please try again.")
            fixture.cluster.setBrokerUp(1)
            let got12 = try await ussd.hop("", session: "again")
            XCTAssertTrue(got12.hasPrefix("CON M-PESA"), "no Pending offer")
        }
    }

    func testSubmit_whenTheBrokerAnswersTooLate_saysAnSMSWillConfirmAndOffersPendingWithTheSameID() async throws {
        let fixture = try GatewayFixture(messageTimeout: .milliseconds(700))
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            for prefix in ["", "1", "1*0711987654", "1*0711987654*5000", "1*0711987654*5000*1"] {
                _ = try await ussd.hop(prefix)
            }
            // A first record opens the connection and fetches metadata, so the payment's own request is
            // really in flight (not still waiting for metadata) when the delay makes it time out.
            // The idempotent producer's start-up may itself take longer than its short timeout: retry.
            var warm = false
            for _ in 0..<20 where !warm {
                warm = (try? await fixture.producer.send(
                    ProducerRecord(topic: Topic.paymentRequests.name, key: "warm-up", value: [0x7B, 0x7D]))) != nil
            }
            XCTAssertTrue(warm, "the producer never reached the broker")
            fixture.cluster.setRoundTripDelay(.seconds(2), broker: 1)
            let answer = try await ussd.hop("1*0711987654*5000*1*\(GatewayFixture.pin)")
            XCTAssertEqual(answer, "END Your request is being processed. An SMS will confirm the outcome.")
            fixture.cluster.setRoundTripDelay(.zero, broker: 1)
            let offer = try await ussd.hop("", session: "again")
            XCTAssertTrue(offer.hasPrefix("CON Pending: send Ksh5,000 to MARY WANJIKU?"), offer)
        }
    }
}
