import Foundation
import Payments
import XCTest
@testable import USSDGateway

/// Wrong PIN ×3 in Kiswahili and a hop delivered twice in a row, through `POST /ussd` (the English lockout and
/// concurrent copies of the final hop are in `SendMoneyEndpointTests`).
final class LockoutAndDuplicateEndpointTests: XCTestCase {
    static let english = "254701700001"
    static let swahili = "254701700002"

    private func makeFixture() throws -> GatewayFixture {
        let fixture = try GatewayFixture()
        try fixture.enrol(Self.english, name: "GEORGE OTIENO", language: .english, region: "SIAYA", pin: "4747")
        try fixture.enrol(Self.swahili, name: "MWANAJUMA ALI", language: .swahili, region: "KWALE", pin: "5858")
        return fixture
    }

    func testPIN_inKiswahili_whenWrongThreeTimes_locksEvenTheRightPINAndPublishesNothing() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let screens = try await ussd.dial(
                ["4", "2", "832910", "600", "1", "0000", "1111", "2222"], session: "lock-1", msisdn: Self.swahili)
            assertScreen(screens[6], startsWith: "CON PIN si sahihi. Majaribio yaliyobaki: 2.", contains: ["\nWeka PIN ya M-PESA"])
            assertScreen(screens[7], startsWith: "CON PIN si sahihi. Majaribio yaliyobaki: 1.")
            XCTAssertEqual(
                screens[8], "END Umekosea PIN mara nyingi. Akaunti yako ya M-PESA imefungwa kwa dakika 15.")
            let retry = try await ussd.dial(["4", "2", "832910", "600", "1", "5858"], session: "lock-2", msisdn: Self.swahili)
            XCTAssertEqual(retry[6], "END Umekosea PIN mara nyingi. Akaunti yako ya M-PESA imefungwa kwa dakika 15.")
        }
        XCTAssertEqual(try fixture.publishedCount(), 0)
    }

    func testDuplicateHop_whenRepeatedAfterItsAnswer_answersTheSameScreenAndPublishesOnce() async throws {
        let fixture = try makeFixture()
        defer { fixture.shutdown() }
        try await fixture.withClient { ussd in
            let phone = "+" + Self.english
            _ = try await ussd.hop("", session: "dup", phone: phone)
            _ = try await ussd.hop("3", session: "dup", phone: phone)
            let first = try await ussd.hop("3*1", session: "dup", phone: phone)
            let copy = try await ussd.hop("3*1", session: "dup", phone: phone)
            XCTAssertEqual(first, "CON Enter amount\n0 Back")
            XCTAssertEqual(copy, first, "the copy is not a second input")
            let confirm = try await ussd.hop("3*1*150", session: "dup", phone: phone)
            assertScreen(confirm, startsWith: "CON Buy Ksh150 airtime for 254701700001?")
            _ = try await ussd.hop("3*1*150*1", session: "dup", phone: phone)
            let done = try await ussd.hop("3*1*150*1*4747", session: "dup", phone: phone)
            XCTAssertEqual(done, "END Request received. You will receive a confirmation SMS.")
            let doneAgain = try await ussd.hop("3*1*150*1*4747", session: "dup", phone: phone)
            XCTAssertEqual(doneAgain, done)
        }
        XCTAssertEqual(try fixture.publishedCount(), 1, "one payment request for two copies of the final hop")
    }
}
