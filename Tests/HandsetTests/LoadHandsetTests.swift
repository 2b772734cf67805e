@testable import HandsetKit
import Logging
import SMPP
import Synchronization
import XCTest

/// The handset both load modes play dialogues on, bound to the real SMSC simulator.
final class LoadHandsetTests: XCTestCase {
    func testPlay_whenAnSMSFromBeforeTheDialReachesTheInboxLate_doesNotPassTheDialogue() async throws {
        let smsc = try await SMSCServer.bind(configuration: SMSCConfiguration(), logger: quiet)
        let inboxes = Mutex<[SMSInbox]>([])
        let dialled = Mutex<ContinuousClock.Instant?>(nil)
        let gateway = try await FakeGateway.start { request in
            guard request.fields["text"] == "" else { return .init(body: "END Request received.") }
            // The dial is in: an SMS the receiver stamped just before it reaches the inbox only now
            // (the lag of the receiver's stream), after the dialogue's own clean start.
            let stamp = dialled.withLock { $0 } ?? .now
            let before = ReceivedSMS(from: "MPESA", text: "Confirmed. Ksh1.00 sent to 254790000001", arrivedAt: stamp - .milliseconds(50))
            for inbox in inboxes.withLock({ $0 }) { Task { await inbox.deliver(before) } }
            return .init(body: "CON Enter M-PESA PIN")
        }
        let script = DialogueScript(name: "pay", steps: [
            ScriptStep(.dial("*334#"), line: 1), ScriptStep(.send("1234"), line: 2),
            ScriptStep(.expectEnd(.substring("Request received")), line: 3),
            ScriptStep(.expectSMS(.regex("^Confirmed\\."), withinMillis: 300), line: 4),
        ])
        var configuration = LoadConfiguration(gateway: gateway.address, smsc: ("127.0.0.1", smsc.port), handsets: 1, duration: .zero)
        configuration.msisdnBase = 254_790_000_000

        let outcome = await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await smsc.run() }
            let outcome = await LoadHandset.withHandsets(configuration) { handsets, notBound -> DialogueOutcome? in
                guard let handset = handsets.first, notBound == 0 else { return nil }
                inboxes.withLock { $0 = [handset.inbox] }
                dialled.withLock { $0 = .now }
                return await handset.play(script, fault: nil)
            }
            await smsc.shutdown()
            group.cancelAll()
            return outcome
        }
        await gateway.stop()

        let played = try XCTUnwrap(outcome, "the handset did not bind")
        XCTAssertEqual(played.failure?.stepNumber, 4, played.report)
        XCTAssertTrue(played.failure?.actual.contains("before this dialogue dialled, ignored") ?? false, played.report)
    }

    private var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }
}
