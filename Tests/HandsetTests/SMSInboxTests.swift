import HandsetKit
import XCTest

final class SMSInboxTests: XCTestCase {
    func testTake_whenTheMessageIsAlreadyThere_returnsItAtOnce() async {
        let inbox = SMSInbox()
        await inbox.deliver(ReceivedSMS(from: "MPESA", text: "Confirmed. Ksh5.00"))
        let sms = await inbox.take(matching: .regex("^Confirmed"), within: .zero)
        XCTAssertEqual(sms?.text, "Confirmed. Ksh5.00")
        let left = await inbox.messages
        XCTAssertTrue(left.isEmpty, "a matched message is taken out")
    }

    func testTake_whenTheMessageComesLater_wakesTheWaiter() async {
        let inbox = SMSInbox()
        async let waited = inbox.take(matching: .substring("later"), within: .seconds(5))
        try? await Task.sleep(for: .milliseconds(50))
        await inbox.deliver(ReceivedSMS(from: "MPESA", text: "other"))
        await inbox.deliver(ReceivedSMS(from: "MPESA", text: "came later"))
        let started = ContinuousClock.now
        let sms = await waited
        XCTAssertEqual(sms?.text, "came later")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(1), "woken by the message, not the time limit")
        let left = await inbox.messages.map(\.text)
        XCTAssertEqual(left, ["other"], "a message that did not match stays for a later step")
    }

    func testTake_whenNothingMatchesInTime_returnsNil() async {
        let inbox = SMSInbox()
        await inbox.deliver(ReceivedSMS(from: "MPESA", text: "unrelated"))
        let sms = await inbox.take(matching: .substring("Confirmed"), within: .milliseconds(50))
        XCTAssertNil(sms)
    }

    func testTake_arrivedSince_dropsAMessageThatArrivedEarlier_andTakesALaterOne() async {
        let inbox = SMSInbox()
        let dialled = ContinuousClock.now
        await inbox.deliver(ReceivedSMS(from: "MPESA", text: "Confirmed. old", arrivedAt: dialled - .seconds(1)))
        await inbox.deliver(ReceivedSMS(from: "MPESA", text: "Confirmed. new", arrivedAt: dialled + .milliseconds(1)))
        let sms = await inbox.take(matching: .regex("^Confirmed"), arrivedSince: dialled, within: .zero)
        XCTAssertEqual(sms?.text, "Confirmed. new")
        let left = await inbox.messages
        XCTAssertTrue(left.isEmpty, "the stale message is dropped, not kept for a later step")
        let history = await inbox.history.map(\.text)
        XCTAssertEqual(history, ["Confirmed. old", "Confirmed. new"], "history keeps both")
    }

    func testTake_arrivedSince_whileWaiting_isNotWokenByAStaleDelivery() async {
        let inbox = SMSInbox()
        let dialled = ContinuousClock.now
        async let waited = inbox.take(matching: .regex("^Confirmed"), arrivedSince: dialled, within: .seconds(5))
        try? await Task.sleep(for: .milliseconds(50))
        // Stamped before the dial, delivered during the wait: what a receiver's stream can lag by.
        await inbox.deliver(ReceivedSMS(from: "MPESA", text: "Confirmed. old", arrivedAt: dialled - .milliseconds(5)))
        await inbox.deliver(ReceivedSMS(from: "MPESA", text: "Confirmed. new"))
        let sms = await waited
        XCTAssertEqual(sms?.text, "Confirmed. new")
    }
}
