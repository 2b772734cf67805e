/// What one step of an open-loop run measured: dialogues scheduled at a fixed rate, and how they
/// ended. Latencies count from each dialogue's *scheduled* start, so time spent waiting for a free
/// handset (or behind a slow server) shows instead of hiding.
public struct ArrivalStepResult: Hashable, Sendable {
    /// The rate the step offered, in dialogues started per second.
    public var offeredRate: Double
    /// Dialogues the schedule called for.
    public var scheduled = 0
    /// From the step's start until its last dialogue ended.
    public var elapsed: Duration = .zero
    /// Fault-free dialogues that passed every step.
    public var completed = 0
    /// Fault-free dialogues that failed, by the step that failed.
    public var failures: [String: Int] = [:]
    public var breaches = 0
    /// Dialogues that carried a seeded fault, passed or not.
    public var faulted = 0
    /// Dialogues never dialled because the step was called off while they waited for a handset.
    public var unserved = 0
    /// Dialogues that had to wait for a free handset (all of the pool was busy): a hint that the
    /// pool, not the gateway, set the limit.
    public var waitedForHandset = 0
    /// True when the step was called off early because it could no longer hold.
    public var calledOff = false
    /// When it was called off (from the step's start), and how many dialogues were late by then.
    public var calledOffAfter: Duration?
    public var lateWhenCalledOff = 0
    /// Scheduled start to the first SMS (or to the dialogue's end for a script without SMS).
    public var latency = LatencySummary()
    /// Dials made after failed or faulted dialogues to cancel what they left behind; not dialogues.
    public var cleanUp = CleanUpCount()

    public init(offeredRate: Double) {
        self.offeredRate = offeredRate
    }

    public var failed: Int { failures.values.reduce(0, +) }

    /// Every scheduled dialogue lands in exactly one of these.
    public var accounted: Int { completed + failed + faulted + unserved }

    /// Completed dialogues per second of the step: over its schedule, or until its last dialogue
    /// ended when that was later (a slow drain lowers it).
    public var achievedRate: Double {
        let schedule = offeredRate > 0 ? Double(scheduled) / offeredRate : 0
        let seconds = max(Double(elapsed.milliseconds) / 1_000, schedule)
        return seconds > 0 ? Double(completed) / seconds : 0
    }

    /// Share of fault-free dialogues that completed, in percent; unserved ones count as not completed.
    public var completedShare: Double {
        let faultFree = completed + failed + unserved
        return faultFree > 0 ? Double(completed) * 100 / Double(faultFree) : 0
    }
}
