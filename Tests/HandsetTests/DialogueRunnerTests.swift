import Foundation
import HandsetKit
import XCTest

final class DialogueRunnerTests: XCTestCase {
    /// A two-screen menu: dial, choose 1, enter a PIN, receive.
    private static func menu(_ request: FakeGateway.Request) -> FakeGateway.Answer {
        switch request.fields["text"] ?? "" {
        case "": .init(body: "CON M-PESA\n1 Send Money\n2 Withdraw Cash")
        case "1": .init(body: "CON Enter M-PESA PIN")
        case "1*1234": .init(body: "END Request received. You will receive a confirmation SMS.")
        default: .init(body: "END Sorry, we could not follow your input.")
        }
    }

    /// The same menu, which sends `sms` to `inbox` once the PIN is in (as the pipeline would).
    private static func menu(sending sms: String, to inbox: SMSInbox) -> @Sendable (FakeGateway.Request) -> FakeGateway.Answer {
        { request in
            if request.fields["text"] == "1*1234" { Task { await inbox.deliver(ReceivedSMS(from: "MPESA", text: sms)) } }
            return menu(request)
        }
    }

    private let script = """
        name: menu
        msisdn: "254700123456"
        steps:
          - dial
          - expect: "Send Money"
          - send: "1"
          - expect: {regex: "PIN$"}
          - send: "1234"
          - expect-end: "Request received"
          - expect-sms: {regex: "^Confirmed\\\\. Ksh5,000\\\\.00 sent", within: 500}
        """

    func testPlay_whenEveryExpectationHolds_passes() async throws {
        let inbox = SMSInbox()
        let gateway = try await FakeGateway.start(answer: Self.menu(sending: "Confirmed. Ksh5,000.00 sent to 254711987654", to: inbox))
        let outcome = await play(script, gateway: gateway, inbox: inbox)
        await gateway.stop()

        XCTAssertTrue(outcome.passed, outcome.report)
        XCTAssertEqual(outcome.report, "PASS menu")
        XCTAssertNotNil(outcome.dialToSMS)
        XCTAssertEqual(gateway.events.first?.fields["input"], "1*****", "the PIN is masked in the notification")
    }

    func testPlay_whenAScreenDiffers_failsWithExpectedAndActual() async throws {
        let gateway = try await FakeGateway.start(answer: Self.menu)
        let wrong = script.replacingOccurrences(of: "expect: \"Send Money\"", with: "expect: \"Lipa na M-PESA\"")
        let outcome = await play(wrong, gateway: gateway, inbox: SMSInbox())
        await gateway.stop()

        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(outcome.report, """
            FAIL menu: step 2 (line 5): expect screen containing "Lipa na M-PESA"
              - expected: screen containing "Lipa na M-PESA"
              + actual:   CON M-PESA
                          1 Send Money
                          2 Withdraw Cash
            """)
        XCTAssertEqual(gateway.events.first?.fields["status"], "Incomplete", "an unfinished session is abandoned")
    }

    func testPlay_whenTheSMSNeverComes_failsAtExpectSMS() async throws {
        let inbox = SMSInbox()
        let gateway = try await FakeGateway.start(answer: Self.menu(sending: "Failed. Not enough money.", to: inbox))
        let outcome = await play(script, gateway: gateway, inbox: inbox)
        await gateway.stop()

        XCTAssertEqual(outcome.failure?.stepNumber, 7)
        XCTAssertEqual(outcome.failure?.actual, "SMS: Failed. Not enough money.")
    }

    func testPlay_whenTheOnlyMatchingSMSArrivedBeforeTheDial_failsAtExpectSMS() async throws {
        // A confirmation meant for an earlier dialogue (late, or kept by the SMSC until this handset
        // bound) must not pass this one, even though it matches and sits unread in the inbox.
        let gateway = try await FakeGateway.start(answer: Self.menu)
        let inbox = SMSInbox()
        await inbox.deliver(ReceivedSMS(from: "MPESA", text: "Confirmed. Ksh5,000.00 sent to 254711987654"))
        let outcome = await play(script, gateway: gateway, inbox: inbox)
        await gateway.stop()

        XCTAssertEqual(outcome.failure?.stepNumber, 7, outcome.report)
        XCTAssertEqual(outcome.failure?.actual,
                       "SMS (before this dialogue dialled, ignored): Confirmed. Ksh5,000.00 sent to 254711987654")
    }

    func testPlay_whenAnSMSThatArrivedBeforeTheDialReachesTheInboxDuringTheDialogue_ignoresIt() async throws {
        // The receiver stamps an SMS when it lands; it reaches the inbox a moment later. One stamped
        // before the dial but delivered after it (the gap a per-dialogue `clear()` cannot close) is stale.
        let inbox = SMSInbox()
        let beforeDial = ContinuousClock.now
        let gateway = try await FakeGateway.start { request in
            if request.fields["text"] == "1*1234" {
                Task { await inbox.deliver(ReceivedSMS(from: "MPESA", text: "Confirmed. Ksh5,000.00 sent to X", arrivedAt: beforeDial)) }
            }
            return Self.menu(request)
        }
        let outcome = await play(script, gateway: gateway, inbox: inbox)
        await gateway.stop()

        XCTAssertEqual(outcome.failure?.stepNumber, 7, outcome.report)
        XCTAssertNil(outcome.dialToSMS)
    }

    func testPlay_whenExpectNoSMSMeetsOnlyAnSMSFromBeforeTheDial_passes() async throws {
        let gateway = try await FakeGateway.start(answer: Self.menu)
        let inbox = SMSInbox()
        await inbox.deliver(ReceivedSMS(from: "MPESA", text: "Confirmed. an earlier payment"))
        let outcome = await play("steps:\n  - dial\n  - expect-no-sms: {within: 100}\n", gateway: gateway, inbox: inbox)
        await gateway.stop()

        XCTAssertTrue(outcome.passed, outcome.report)
    }

    func testPlay_whenExpectEndMeetsACONScreen_fails() async throws {
        let gateway = try await FakeGateway.start(answer: Self.menu)
        let outcome = await play("steps:\n  - dial\n  - expect-end\n", gateway: gateway, inbox: nil)
        await gateway.stop()

        XCTAssertEqual(outcome.failure?.expected, "END screen")
        XCTAssertTrue(outcome.failure?.actual.hasPrefix("CON M-PESA") ?? false)
    }

    func testPlay_whenTheGatewayBreaksARule_reportsTheBreach() async throws {
        let gateway = try await FakeGateway.start { _ in .init(body: "CON " + String(repeating: "x", count: 200)) }
        let outcome = await play("steps:\n  - dial\n  - expect: x\n", gateway: gateway, inbox: nil)
        await gateway.stop()

        XCTAssertEqual(outcome.breach, .screenTooLong(characters: 200, limit: 182, alphabet: "GSM-7"))
        XCTAssertEqual(outcome.failure?.stepNumber, 1)
    }

    func testPlay_fillsPlaceholdersInSteps() async throws {
        let gateway = try await FakeGateway.start { _ in .init(body: "CON ok") }
        let outcome = await play("peer: \"254711000001\"\nsteps:\n  - dial\n  - send: \"{peer}\"\n  - expect: ok\n",
                                 gateway: gateway, inbox: nil)
        await gateway.stop()

        XCTAssertTrue(outcome.passed, outcome.report)
        XCTAssertEqual(gateway.ussdRequests.last?.fields["text"], "254711000001")
    }

    private func play(_ yaml: String, gateway: FakeGateway, inbox: SMSInbox?) async -> DialogueOutcome {
        let script: DialogueScript
        do { script = try DialogueScriptParser().parse(yaml, file: "menu.yaml") } catch {
            XCTFail("\(error)")
            return DialogueOutcome(name: "unparsed")
        }
        let runner = DialogueRunner(gateway: gateway.address, line: SubscriberLine(msisdn: "254700123456"))
        return await runner.play(script, http: HTTPClient(host: "127.0.0.1", port: gateway.port), inbox: inbox)
    }
}
