import Logging
import SMPP
import Synchronization

/// `--breakdown`: our ESME alone against the simulator, no outbox, counted when its DELIVRD
/// receipt is matched. Next to the full path's figure it shows how much of the time the outbox
/// takes.
///
/// Messages are handed over by ``feeders`` tasks, each submitting its next message once the last
/// was accepted, the way a sender keeps a link busy: the ESME's queue stays short, as it does
/// behind the outbox. (Its queue is an array whose front removal is linear in its length, so
/// queueing a whole run of tens of thousands at once would mostly measure that.)
struct ESMEOnlyRun {
    var smscPort: Int
    var systemID: String
    var password: String
    var window: Int
    let logger: Logger

    /// Submits in progress at once: enough to keep the window full and the queue short.
    var feeders: Int { max(4 * window, 64) }

    func run(_ messages: [SMPPBenchMessage]) async throws -> SMPPRate {
        var configuration = ESMEConfiguration(host: "127.0.0.1", port: smscPort, systemID: systemID, password: password)
        configuration.windowSize = window
        configuration.partsPerSecond = nil
        let esme = ESMEClient(configuration: configuration, logger: logger)
        let tally = DeliveryTally(target: messages.count)
        let outgoing = messages.map { OutgoingSMS(reference: $0.transactionId.value, to: $0.msisdn.value, text: $0.text) }
        let next = Cursor()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await esme.run() }
            group.addTask {
                for await event in esme.receipts {
                    tally.record(event.part.reference, delivered: event.receipt.isDelivered)
                }
            }
            do {
                await esme.waitUntilBound()
                let started = ContinuousClock.now
                for _ in 0..<min(feeders, outgoing.count) {
                    group.addTask {
                        while case let index = next.take(), index < outgoing.count {
                            _ = try await esme.submit(outgoing[index])
                        }
                    }
                }
                let reached = try await tally.waitForTarget(total: messages.count, what: "ESME alone at window \(window)")
                await esme.shutdown()
                try await group.waitForAll()
                return SMPPRate(messages: messages.count, seconds: (reached - started).benchSeconds)
            } catch {
                await esme.shutdown()
                group.cancelAll()
                throw error
            }
        }
    }

    /// The index of the next message to submit, shared by the feeders.
    private final class Cursor: Sendable {
        private let value = Atomic<Int>(0)

        func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
    }
}
