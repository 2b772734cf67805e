/// One validation system's answers in one minute.
struct DecisionTally: Sendable, Hashable {
    var succeeded = 0
    var failed = 0
    var review = 0
    var unknown = 0
    /// Answers that reported a `processingTime`.
    var timed = 0
    var timedTotalMs: Double = 0
    /// Timed answers faster than the system's seed target (strictly, as the seed's "< 100ms").
    var withinTarget = 0

    mutating func record(_ outcome: Outcome, processingMs: Int64?, targetMs: Int) {
        switch outcome {
        case .succeeded: succeeded += 1
        case .failed: failed += 1
        case .review: review += 1
        case .unknown: unknown += 1
        }
        guard let processingMs else { return }
        timed += 1
        timedTotalMs += Double(max(0, processingMs))
        if processingMs < Int64(targetMs) { withinTarget += 1 }
    }

    mutating func merge(_ other: DecisionTally) {
        succeeded += other.succeeded
        failed += other.failed
        review += other.review
        unknown += other.unknown
        timed += other.timed
        timedTotalMs += other.timedTotalMs
        withinTarget += other.withinTarget
    }

    var averageProcessingMs: Double? { Percent.mean(timedTotalMs, timed) }
    var withinTargetPercent: Double? { Percent.of(withinTarget, timed) }

    func stats(system: String, targetMs: Int) -> ValidationSystemStats {
        ValidationSystemStats(
            system: system, succeeded: succeeded, failed: failed, review: review, unknown: unknown,
            averageProcessingMs: averageProcessingMs, targetMs: targetMs, withinTargetPercent: withinTargetPercent)
    }
}
