import Synchronization

/// What the pipeline counts for operators (exported by the CLI or read by tests).
public enum PipelineCounter: String, Sendable, Hashable, CaseIterable {
    /// Records parked on `payment-dlq` as POISON.
    case poisonRecords
    /// Transient failures retried.
    case retries
    /// Records parked as TRANSIENT after the retries ran out.
    case transientParked
    /// Systematic-failure alerts raised.
    case alerts
    /// Switches from the primary fraud scorer to the backup rules engine.
    case fraudFailovers
    /// Switches back to the primary fraud scorer.
    case fraudRecoveries
    /// Redelivered work answered from a stored answer instead of being recomputed.
    case republished
    /// Payments declined because an answer was missing at the deadline.
    case timeouts
    /// EXECUTEs whose COMPLETED did not arrive in time (alert only).
    case missingCompletions
}

/// The counters, behind one lock: counting is rare next to the work it counts and must never fail it.
public final class PipelineMetrics: Sendable {
    private let counts = Mutex<[PipelineCounter: Int]>([:])

    public init() {}

    func add(_ counter: PipelineCounter, _ amount: Int = 1) {
        counts.withLock { $0[counter, default: 0] += amount }
        PaymentKPIs.recordPipelineEvent(counter, amount)
    }

    /// The value of `counter`.
    public func value(_ counter: PipelineCounter) -> Int {
        counts.withLock { $0[counter] ?? 0 }
    }
}
