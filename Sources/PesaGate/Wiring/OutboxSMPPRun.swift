import Foundation
import Logging
import Payments
import Services
import SMPP

/// Our side of one window: the messages queued in a fresh durable outbox, then sent by the
/// notification service's own dispatcher through our ESME, with `windowSize` = the window and no
/// rate limit. A message counts when its row reaches `delivered`, which takes a matched DELIVRD
/// receipt; the dispatcher reports that through its publish hook, which here counts instead of
/// publishing to Kafka.
///
/// The outbox is filled before the clock starts (`intakeSeconds` says how long that took, one
/// commit per confirmation as the service does); the clock runs from the dispatcher's start
/// to the last row delivered.
struct OutboxSMPPRun {
    var smscPort: Int
    var systemID: String
    var password: String
    var window: Int
    let logger: Logger

    struct Outcome: Sendable {
        var rate: SMPPRate
        var intakeSeconds: Double
    }

    func run(_ messages: [SMPPBenchMessage]) async throws -> Outcome {
        let scratch = try BenchmarkScratch(name: "smpp-ours-w\(window)")
        defer { scratch.remove() }
        var configuration = NotificationConfiguration()
        configuration.outboxPath = scratch.directory.appendingPathComponent("sms-outbox.sqlite").path
        var esmeConfiguration = ESMEConfiguration(host: "127.0.0.1", port: smscPort, systemID: systemID, password: password)
        esmeConfiguration.windowSize = window
        esmeConfiguration.partsPerSecond = nil
        configuration.esme = esmeConfiguration

        let outbox = try SMSOutbox.open(path: configuration.outboxPath)
        let intakeStarted = ContinuousClock.now
        try await Self.enqueue(messages, into: outbox, maxAge: configuration.maxAge)
        let intakeSeconds = (ContinuousClock.now - intakeStarted).benchSeconds

        let tally = DeliveryTally(target: messages.count)
        let esme = ESMEClient(configuration: esmeConfiguration, logger: logger)
        let dispatcher = SMSDispatcher(outbox: outbox, esme: esme, configuration: configuration, logger: logger) { event, _ in
            switch event.state {
            case .delivered: tally.record(event.transactionId.value, delivered: true)
            case .failed, .expired: tally.record(event.transactionId.value, delivered: false)
            case .queued, .submitted: break
            }
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await esme.run() }
            group.addTask { await dispatcher.runReceipts() }
            do {
                await esme.waitUntilBound()
                let started = ContinuousClock.now
                group.addTask { await dispatcher.runSender() }
                let reached = try await tally.waitForTarget(total: messages.count, what: "our ESME at window \(window)")
                dispatcher.stop()
                await esme.shutdown()
                try await group.waitForAll()
                return Outcome(rate: SMPPRate(messages: messages.count, seconds: (reached - started).benchSeconds),
                               intakeSeconds: intakeSeconds)
            } catch {
                dispatcher.stop()
                await esme.shutdown()
                group.cancelAll()
                throw error
            }
        }
    }

    /// One outbox write per confirmation, as the notification service makes them.
    static func enqueue(_ messages: [SMPPBenchMessage], into outbox: SMSOutbox, maxAge: Duration) async throws {
        let now = Date()
        let expiresAt = now.addingTimeInterval(Double(maxAge.components.seconds))
        for message in messages {
            let sms = ConfirmationSMS(role: .sender, msisdn: message.msisdn, language: .english, text: message.text)
            try await outbox.enqueue([sms], transactionId: message.transactionId, expiresAt: expiresAt, now: now)
        }
    }
}
