import Foundation
import Services
import SMPP

/// `--breakdown`: the outbox calls of one dispatcher round (``SMSDispatcher``), made directly with
/// no ESME (message ids and DELIVRD receipts made up on the spot), each kind timed on its own. It
/// shows where the outbox's share of the time goes. It follows the dispatcher's batching (one
/// transaction per round for acceptances, receipts and published marks); keep it in step when the
/// dispatcher changes. Receipts are recorded once per round here, the best case of the
/// dispatcher's group commit, which writes whatever arrived while the previous write ran.
struct OutboxOnlyRun {
    var batchSize: Int

    struct Outcome: Sendable {
        var rate: SMPPRate
        /// Seconds spent per kind of call, in the order the dispatcher makes them.
        var steps: [(name: String, seconds: Double)]
    }

    func run(_ messages: [SMPPBenchMessage]) async throws -> Outcome {
        let scratch = try BenchmarkScratch(name: "smpp-outbox")
        defer { scratch.remove() }
        let outbox = try SMSOutbox.open(path: scratch.directory.appendingPathComponent("sms-outbox.sqlite").path)
        try await OutboxSMPPRun.enqueue(messages, into: outbox, maxAge: NotificationConfiguration().maxAge)
        var clock = StepClock()
        let started = ContinuousClock.now
        var done = 0
        while done < messages.count {
            try await clock.time("expireStale") { _ = try await outbox.expireStale(now: Date()) }
            let rows = try await clock.time("claim") { try await outbox.claim(limit: batchSize, now: Date()) }
            guard !rows.isEmpty else { throw SMPPBenchError("outbox alone: no queued rows left at \(done) of \(messages.count)") }
            let parts = rows.map { row in
                SubmittedPart(reference: row.reference, partNumber: 1, totalParts: 1, messageID: String(row.id, radix: 16), attempts: 1)
            }
            try await clock.time("recordAccepted (batch)") {
                let accepted = zip(rows, parts).map { AcceptedSMS(id: $0.id, parts: [SubmittedPartRecord($1)], link: nil) }
                try await outbox.recordAccepted(accepted, now: Date())
            }
            try await clock.time("recordReceipts (batch)") {
                let receipts = parts.map { ReceiptEvent(part: $0, receipt: DeliveryReceipt(messageID: $0.messageID, state: .delivered)) }
                _ = try await outbox.recordReceipts(receipts, now: Date())
            }
            let finished = try await clock.time("unpublishedFinal + parts (reads)") {
                let rows = try await outbox.unpublishedFinal()
                _ = try await outbox.parts(of: rows.map(\.id))
                return rows
            }
            try await clock.time("markPublished (batch)") { try await outbox.markPublished(ids: finished.map(\.id)) }
            done += finished.count
        }
        return Outcome(rate: SMPPRate(messages: messages.count, seconds: (ContinuousClock.now - started).benchSeconds),
                       steps: clock.steps)
    }

    /// Adds up the time of each named step, keeping the order steps first ran in.
    private struct StepClock {
        var steps: [(name: String, seconds: Double)] = []

        mutating func time<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
            let started = ContinuousClock.now
            let result = try await body()
            let seconds = (ContinuousClock.now - started).benchSeconds
            if let index = steps.firstIndex(where: { $0.name == name }) {
                steps[index].seconds += seconds
            } else {
                steps.append((name, seconds))
            }
            return result
        }
    }
}
