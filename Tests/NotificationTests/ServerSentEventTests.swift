import Foundation
import Payments
import Services
import XCTest

/// The app stream's framing (WHATWG Server-Sent Events) and its per-subscriber tokens.
final class ServerSentEventTests: XCTestCase {
    func testText_ofAConfirmation_namesTheEventAndItsIdAndEndsWithABlankLine() {
        let notification = AppNotification(eventId: "evt-9", transactionId: "TXN-20240902-001", json: #"{"finalStatus":"COMPLETED"}"#)
        XCTAssertEqual(ServerSentEvent(notification).text,
                       "event: confirmation\nid: evt-9\ndata: {\"finalStatus\":\"COMPLETED\"}\n\n")
    }

    func testText_whenDataHasLineBreaks_writesOneDataLinePerLine() {
        XCTAssertEqual(ServerSentEvent(data: "a\nb\r\nc\rd").text, "data: a\ndata: b\ndata: c\ndata: d\n\n")
    }

    func testText_whenEventOrIdHasALineBreak_dropsItInsteadOfEndingTheEventEarly() {
        XCTAssertEqual(ServerSentEvent(event: "x\ny", id: "1\r\n2", data: "").text, "event: xy\nid: 12\ndata: \n\n")
    }

    func testOpeningAndKeepAlive_areCommentsThatClientsIgnore() {
        XCTAssertEqual(ServerSentEvent.opening(retryMilliseconds: 3000), ": subscribed\nretry: 3000\n\n")
        XCTAssertEqual(ServerSentEvent.keepAlive, ": keep-alive\n\n")
    }

    func testToken_isValidOnlyForItsOwnMSISDN() throws {
        let tokens = AppNotificationTokens(secret: Data(repeating: 1, count: 32))
        let john = try MSISDN(parsing: "254700123456")
        let mary = try MSISDN(parsing: "254711987654")
        let token = tokens.token(for: john)
        XCTAssertEqual(token.count, 64)
        XCTAssertTrue(tokens.isValid(token, for: john))
        XCTAssertTrue(tokens.isValid(token.uppercased(), for: john))
        XCTAssertFalse(tokens.isValid(token, for: mary))
        XCTAssertFalse(tokens.isValid(String(token.dropLast()), for: john))
        XCTAssertFalse(tokens.isValid("zz" + token.dropFirst(2), for: john))
        XCTAssertFalse(tokens.isValid("", for: john))
    }

    func testToken_dependsOnTheSecret() throws {
        let john = try MSISDN(parsing: "254700123456")
        let token = AppNotificationTokens(secret: Data(repeating: 1, count: 32)).token(for: john)
        XCTAssertFalse(AppNotificationTokens(secret: Data(repeating: 2, count: 32)).isValid(token, for: john))
    }
}
