import Foundation
import Logging
import Services
import SMPP

/// `pesagate bench smpp`: per window, our whole SMS path (durable outbox, dispatcher, ESME) and
/// Kannel deliver the same messages to one SMPP simulator over loopback, receipts on; each
/// side's figure is messages with a matched DELIVRD receipt per second.
///
/// The simulator acknowledges every message at once with a DELIVRD receipt (no handsets bound,
/// `unrouted = .deliver`, no receipt delay), so what is measured is the gateways, not the SMSC.
/// Lines are printed as each window finishes.
struct SMPPBenchmark {
    var windows: [Int]
    /// Messages per window (the same for both sides).
    var messages: @Sendable (Int) -> Int
    var text: String?
    var kannel: KannelMode
    var kannelConnections: Int
    var breakdown: Bool
    let logger: Logger

    static let systemID = "pesagate"
    static let password = "secret"

    /// Runs every window, prints as it goes, and returns the lines plus why Kannel was skipped.
    func run(print: @escaping @Sendable (String) -> Void) async throws -> (lines: [SMPPBenchLine], kannelSkipped: String?) {
        let binaries: KannelBoxes.Binaries?
        var skipped: String?
        switch (kannel, KannelBoxes.Binaries.locate()) {
        case (.off, _):
            binaries = nil
            skipped = "Kannel skipped: --kannel off"
        case (.auto, .failure(let reason)):
            binaries = nil
            skipped = "Kannel skipped: \(reason)"
        case (.required, .failure(let reason)):
            throw SMPPBenchError("--kannel required: \(reason)")
        case (_, .success(let found)):
            binaries = found
        }
        if let skipped { print("  \(skipped)") }

        var configuration = SMSCConfiguration()
        configuration.systemID = Self.systemID
        configuration.password = Self.password
        configuration.unrouted = .deliver
        configuration.receiptDelay = .zero
        let smsc = try await SMSCServer.bind(configuration: configuration, logger: logger)
        let lines = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await smsc.run() }
            do {
                let lines: [SMPPBenchLine]
                if let binaries {
                    let listener = DLRListener(logger: logger)
                    lines = try await listener.serve { callbackPort in
                        try await measureWindows(smscPort: smsc.port, kannel: (binaries, listener, callbackPort), print: print)
                    }
                } else {
                    lines = try await measureWindows(smscPort: smsc.port, kannel: nil, print: print)
                }
                await smsc.shutdown()
                try await group.waitForAll()
                return lines
            } catch {
                await smsc.shutdown()
                group.cancelAll()
                throw error
            }
        }
        return (lines, skipped)
    }

    private func measureWindows(
        smscPort: Int, kannel: (binaries: KannelBoxes.Binaries, listener: DLRListener, callbackPort: Int)?,
        print: @Sendable (String) -> Void
    ) async throws -> [SMPPBenchLine] {
        var lines: [SMPPBenchLine] = []
        for window in windows {
            let batch = try SMPPBenchMessage.batch(count: messages(window), text: text)
            let ours = try await OutboxSMPPRun(
                smscPort: smscPort, systemID: Self.systemID, password: Self.password, window: window, logger: logger
            ).run(batch)
            var details = [String(format: "our intake: outbox filled in %.2f s (%@ rows/s, one commit per confirmation)",
                                  ours.intakeSeconds, SMPPBenchLine.grouped(Double(batch.count) / ours.intakeSeconds))]
            if breakdown {
                let alone = try await ESMEOnlyRun(
                    smscPort: smscPort, systemID: Self.systemID, password: Self.password, window: window, logger: logger
                ).run(batch)
                details.append("breakdown: our ESME alone (no outbox) \(SMPPBenchLine.grouped(alone.perSecond)) msg/s")
            }
            var kannelRate: SMPPRate?
            if let kannel {
                let outcome = try await KannelRun(
                    binaries: kannel.binaries, smscPort: smscPort, systemID: Self.systemID, password: Self.password,
                    window: window, connections: kannelConnections, listener: kannel.listener,
                    callbackPort: kannel.callbackPort
                ).run(batch)
                kannelRate = outcome.rate
                details.append(String(format: "Kannel intake: smsbox accepted all over HTTP in %.2f s (%@ msg/s, %d connections)",
                                      outcome.submitSeconds, SMPPBenchLine.grouped(Double(batch.count) / outcome.submitSeconds),
                                      kannelConnections))
            }
            let line = SMPPBenchLine(window: window, ours: ours.rate, kannel: kannelRate)
            lines.append(line)
            print(line.text)
            for detail in details { print("                " + detail) }
        }
        if breakdown, let window = windows.max() {
            let outcome = try await OutboxOnlyRun(batchSize: NotificationConfiguration().batchSize)
                .run(try SMPPBenchMessage.batch(count: messages(window), text: text))
            print("  breakdown: the outbox alone (the dispatcher's calls, no ESME): \(SMPPBenchLine.grouped(outcome.rate.perSecond)) msg/s; per message:")
            for step in outcome.steps {
                let micros = step.seconds * 1e6 / Double(outcome.rate.messages)
                print("    " + step.name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%8.1f µs", micros))
            }
        }
        return lines
    }
}
