/// How `--find-max` searches: where it starts, how long each rate is held, how the rate grows, and
/// what a step must achieve to count as held.
public struct FindMaxSettings: Hashable, Sendable {
    /// How the offered rate grows from one held step to the next.
    public enum Growth: Hashable, Sendable {
        /// Multiply by this factor (> 1): few steps to find the order of magnitude.
        case factor(Double)
        /// Add this many dialogues/s (> 0): a fine-grained search near a known limit.
        case increment(Double)

        func next(after rate: Double) -> Double {
            switch self {
            case .factor(let factor): rate * factor
            case .increment(let increment): rate + increment
            }
        }
    }

    /// The first step's rate, in dialogues started per second.
    public var startRate: Double = 10
    /// How long each step keeps starting dialogues; its in-flight dialogues then play to their end.
    public var stepDuration: Duration = .seconds(15)
    public var growth: Growth = .factor(1.5)
    /// No step offers more than this; nil: grow until a step does not hold.
    public var maxRate: Double?
    /// A step holds only when its p95 from scheduled start to SMS is at most this (issue #8: 1 s).
    public var targetP95: Duration = .seconds(1)
    /// ...and at least this share (percent) of its fault-free dialogues completed.
    public var minimumCompletedShare: Double = 99

    public init(
        startRate: Double = 10, stepDuration: Duration = .seconds(15), growth: Growth = .factor(1.5),
        maxRate: Double? = nil, targetP95: Duration = .seconds(1), minimumCompletedShare: Double = 99
    ) {
        self.startRate = startRate
        self.stepDuration = stepDuration
        self.growth = growth
        self.maxRate = maxRate
        self.targetP95 = targetP95
        self.minimumCompletedShare = minimumCompletedShare
    }

    /// How many dialogues a step at `rate` schedules: at least one.
    public func planned(at rate: Double) -> Int {
        max(1, Int((rate * Double(stepDuration.milliseconds) / 1_000).rounded()))
    }

    /// True once a running step can no longer hold, so it is called off instead of played out (an
    /// overloaded server would otherwise pile up minutes of queued dialogues). `overdue` counts the
    /// step's dialogues already past ``targetP95`` since their scheduled start (finished late, or
    /// still waiting); `failed` its fault-free dialogues that failed. More than 5 % overdue puts the
    /// p95 over the target; more than the allowed failure share sinks the completed share.
    public func stepIsLost(planned: Int, overdue: Int, failed: Int) -> Bool {
        let allowedFailures = Double(planned) * (100 - minimumCompletedShare) / 100
        return Double(overdue) > Double(planned) * 0.05 || Double(failed) > allowedFailures
    }
}
