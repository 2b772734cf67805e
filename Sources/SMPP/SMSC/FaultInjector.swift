/// Decides, submit by submit, which fault (if any) the SMSC shows; pure, so it is tested
/// without sockets and a seed replays the same decisions.
struct FaultInjector: Sendable {
    enum Verdict: Hashable, Sendable {
        case accept
        case refuse(CommandStatus)
        case genericNack
        case dropConnection
    }

    private let faults: SMSCFaults
    private var random: SeededGenerator
    private var windowStart: ContinuousClock.Instant?
    private var acceptedInWindow = 0
    private var submitsSeen = 0
    private var dropped = false

    init(_ faults: SMSCFaults) {
        self.faults = faults
        random = SeededGenerator(seed: faults.seed)
    }

    mutating func judgeSubmit(now: ContinuousClock.Instant) -> Verdict {
        submitsSeen += 1
        if let limit = faults.dropConnectionAfterSubmits, !dropped, submitsSeen >= limit {
            dropped = true
            return .dropConnection
        }
        if let limit = faults.throttlePerSecond {
            if let start = windowStart, now - start < .seconds(1) {
                if acceptedInWindow >= limit { return .refuse(.throttled) }
            } else {
                windowStart = now
                acceptedInWindow = 0
            }
        }
        if random.chance(faults.genericNackProbability) { return .genericNack }
        if random.chance(faults.queueFullProbability) { return .refuse(.messageQueueFull) }
        acceptedInWindow += 1
        return .accept
    }

    /// Whether the receipt for an accepted message is lost.
    mutating func losesReceipt() -> Bool {
        random.chance(faults.receiptLossProbability)
    }
}
