import Foundation
import Ledger

/// Group commit for core: operations submitted while a batch is being written wait and go together into
/// the next one, through ``LedgerDatabase/apply(_:now:)`` (one transaction, one fsync, each operation in
/// its own savepoint). No timer: under light load a batch is a single operation and adds no latency;
/// under heavy load batches grow by themselves to whatever arrived during the previous write.
///
/// The first submitter finding no batch in progress becomes the leader and writes batches until nobody
/// waits; the others are resumed with their outcomes. An operation the ledger answers with `.error`
/// (rolled back alone) is thrown as transient, so the record is retried.
actor LedgerBatcher {
    private typealias Waiter = (operation: LedgerOperation, continuation: CheckedContinuation<LedgerOutcome, any Error>)

    private let ledger: LedgerDatabase
    private let clock: any PipelineClock
    private let maxBatch: Int
    private var waiting: [Waiter] = []
    private var writing = false

    init(ledger: LedgerDatabase, clock: any PipelineClock, maxBatch: Int = 500) {
        self.ledger = ledger
        self.clock = clock
        self.maxBatch = max(1, maxBatch)
    }

    /// Applies `operation` in the next batch and returns its outcome.
    func submit(_ operation: LedgerOperation) async throws -> LedgerOutcome {
        let outcome: LedgerOutcome
        if writing {
            outcome = try await withCheckedThrowingContinuation { waiting.append((operation, $0)) }
        } else {
            writing = true
            defer { writing = false }
            outcome = try await lead(operation)
        }
        if case let .error(message) = outcome { throw PipelineError.transient("ledger: \(message)") }
        return outcome
    }

    /// Writes the leader's batch, then every batch that queued meanwhile.
    private func lead(_ own: LedgerOperation) async throws -> LedgerOutcome {
        let first = Array(waiting.prefix(maxBatch - 1))
        waiting.removeFirst(first.count)
        let result: Result<[LedgerOutcome], any Error>
        do {
            result = .success(try await write([own] + first.map(\.operation), resuming: first))
        } catch {
            result = .failure(error)
        }
        // Whatever happened to the leader's batch, everyone who queued meanwhile is served.
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(maxBatch))
            waiting.removeFirst(batch.count)
            _ = try? await write(batch.map(\.operation), resuming: batch)
        }
        return try result.get()[0]
    }

    /// Applies `operations`; resumes `waiters` (the tail of `operations`) with their outcomes or the error.
    private func write(_ operations: [LedgerOperation], resuming waiters: [Waiter]) async throws -> [LedgerOutcome] {
        let offset = operations.count - waiters.count
        do {
            let outcomes = try await ledger.apply(operations, now: clock.now())
            for (index, waiter) in waiters.enumerated() { waiter.continuation.resume(returning: outcomes[offset + index]) }
            return outcomes
        } catch {
            for waiter in waiters { waiter.continuation.resume(throwing: error) }
            throw error
        }
    }
}
