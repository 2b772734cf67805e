import Synchronization

/// Counters of one consumer, readable at any time (metrics, tests, alarms).
public final class ConsumerStatistics: Sendable {
    let delivered = Atomic<Int>(0)
    let acknowledged = Atomic<Int>(0)
    let rejected = Atomic<Int>(0)
    let commits = Atomic<Int>(0)
    let truncations = Atomic<Int>(0)
    let skippedByTruncation = Atomic<Int>(0)
    let errors = Atomic<Int>(0)
    let rebalances = Atomic<Int>(0)
    let bursts = Atomic<Int>(0)

    public struct Snapshot: Sendable, Equatable {
        public var delivered: Int
        public var acknowledged: Int
        public var rejected: Int
        public var commits: Int
        /// Times the consumer found its position gone (log truncated under it) and was reset.
        public var truncations: Int
        /// Records that were lost to those truncations: never handled by this group.
        public var skippedByTruncation: Int
        public var errors: Int
        public var rebalances: Int
        /// Hand-offs from the poll thread to the consuming task (records arrive in bursts).
        public var bursts: Int
    }

    public var snapshot: Snapshot {
        Snapshot(
            delivered: delivered.load(ordering: .relaxed),
            acknowledged: acknowledged.load(ordering: .relaxed),
            rejected: rejected.load(ordering: .relaxed),
            commits: commits.load(ordering: .relaxed),
            truncations: truncations.load(ordering: .relaxed),
            skippedByTruncation: skippedByTruncation.load(ordering: .relaxed),
            errors: errors.load(ordering: .relaxed),
            rebalances: rebalances.load(ordering: .relaxed),
            bursts: bursts.load(ordering: .relaxed))
    }
}
