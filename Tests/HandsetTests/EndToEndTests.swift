import HandsetKit
import Logging
import SMPP
import XCTest

/// The whole handset loop on loopback: a scripted dialogue against a fake gateway, and the
/// confirmation SMS through the real SMSC simulator to the handset's receiver.
final class EndToEndTests: XCTestCase {
    func testPlay_whenTheSMSComesThroughTheSMSC_passesAndMeasuresDialToSMS() async throws {
        let smsc = try await SMSCServer.bind(configuration: SMSCConfiguration(), logger: quiet)
        let esme = ESMEClient(configuration: ESMEConfiguration(port: smsc.port), logger: quiet)
        let receiver = SMSReceiver(configuration: SMSReceiverConfiguration(port: smsc.port, msisdn: "254700123456"))
        let gateway = try await FakeGateway.start { request in
            request.fields["text"] == "" ? .init(body: "CON Enter M-PESA PIN") : .init(body: "END Request received.")
        }
        let script = try DialogueScriptParser().parse("""
            steps:
              - dial
              - send: "1234"
              - expect-end: "Request received."
              - expect-sms: {regex: '^Confirmed\\. Ksh5,000\\.00 sent to 254711987654', within: 5000}
            """, file: "e2e.yaml")
        let inbox = SMSInbox()

        let outcome = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await smsc.run() }
            group.addTask { try await esme.run() }
            group.addTask { try await receiver.run() }
            group.addTask { await inbox.collect(from: receiver.inbox) }
            try await receiver.waitUntilBound()
            await esme.waitUntilBound()
            // The pipeline's part: once the PIN hop is in, the confirmation goes out.
            group.addTask {
                while !gateway.ussdRequests.contains(where: { $0.fields["text"] == "1234" }) {
                    try await Task.sleep(for: .milliseconds(5))
                }
                _ = try await esme.submit(OutgoingSMS(
                    reference: "TXN-1", to: "254700123456",
                    text: "Confirmed. Ksh5,000.00 sent to 254711987654 on 2/9/24 at 2:30 PM. New balance is Ksh19,985.00. Transaction cost Ksh15.00."))
            }
            let runner = DialogueRunner(gateway: gateway.address, line: SubscriberLine(msisdn: "254700123456"))
            let outcome = await runner.play(script, http: HTTPClient(host: "127.0.0.1", port: gateway.port), inbox: inbox)
            receiver.close()
            await esme.shutdown()
            await smsc.shutdown()
            await gateway.stop()
            group.cancelAll()
            return outcome
        }

        XCTAssertTrue(outcome.passed, outcome.report)
        let latency = try XCTUnwrap(outcome.dialToSMS)
        XCTAssertLessThan(latency, .seconds(5))
    }

    private var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }
}
