import Synchronization

/// Counters an operator watches (exported by the CLI's metrics endpoint or read by tests). Plain atomics:
/// counting must never slow or fail the work it counts.
public final class PipelineMetrics: Sendable {
    /// Records parked on `payment-dlq` as POISON.
    public let poisonRecords = Atomic<Int>(0)
    /// Transient failures retried.
    public let retries = Atomic<Int>(0)
    /// Records parked as TRANSIENT after the retries ran out.
    public let transientParked = Atomic<Int>(0)
    /// Systematic-failure alerts raised.
    public let alerts = Atomic<Int>(0)
    /// Times the fraud service switched from the primary scorer to the backup rules engine.
    public let fraudFailovers = Atomic<Int>(0)
    /// Times the fraud service went back to the primary scorer.
    public let fraudRecoveries = Atomic<Int>(0)
    /// Redelivered work answered from a stored answer instead of being recomputed.
    public let republished = Atomic<Int>(0)
    /// Payments declined because an answer was missing at the deadline.
    public let timeouts = Atomic<Int>(0)
    /// EXECUTEs whose COMPLETED did not arrive in time (alert only).
    public let missingCompletions = Atomic<Int>(0)

    public init() {}

    func add(_ counter: KeyPath<PipelineMetrics, Atomic<Int>>, _ amount: Int = 1) {
        self[keyPath: counter].add(amount, ordering: .relaxed)
    }

    /// The value of `counter`.
    public func value(_ counter: KeyPath<PipelineMetrics, Atomic<Int>>) -> Int {
        self[keyPath: counter].load(ordering: .relaxed)
    }
}
