import Foundation
import Payments

/// Group commit for the orchestrator: join updates submitted while a batch is being written wait and go
/// together into the next one (``JoinStore/update(batch:)``: one IMMEDIATE transaction and one fsync,
/// each update in its own savepoint). Without it the orchestrator pays one durable commit per event —
/// four or more per payment — and that, not the decision logic, caps the pipeline.
///
/// No timer: under light load a batch is one update and adds no latency; under heavy load batches grow
/// to whatever arrived during the previous write. The first submitter finding no write in progress leads
/// and writes batches until nobody waits.
actor JoinBatcher {
    typealias Body = @Sendable (inout PaymentJoin) -> [OrchestratorEffect]

    struct Update: Sendable {
        var transactionId: TransactionID
        var now: Date
        var timeout: TimeInterval
        var lateAnswerGrace: TimeInterval = 0
        var completionAlertAfter: TimeInterval
        var body: Body
    }

    private typealias Waiter = (update: Update, continuation: CheckedContinuation<[OrchestratorEffect], any Error>)

    private let store: JoinStore
    private let maxBatch: Int
    private var waiting: [Waiter] = []
    private var writing = false

    init(store: JoinStore, maxBatch: Int = 200) {
        self.store = store
        self.maxBatch = max(1, maxBatch)
    }

    /// Applies `update` in the next batch; returns its effects or throws its own error.
    func submit(_ update: Update) async throws -> [OrchestratorEffect] {
        if writing {
            return try await withCheckedThrowingContinuation { waiting.append((update, $0)) }
        }
        writing = true
        defer { writing = false }
        let own = await write([update])
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(maxBatch))
            waiting.removeFirst(batch.count)
            let results = await write(batch.map(\.update))
            for (waiter, result) in zip(batch, results) { waiter.continuation.resume(with: result) }
        }
        return try own[0].get()
    }

    private func write(_ updates: [Update]) async -> [Result<[OrchestratorEffect], any Error>] {
        do {
            return try await store.update(batch: updates)
        } catch {
            return updates.map { _ in .failure(error) }
        }
    }
}
