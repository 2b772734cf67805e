/// The counts of one open-loop step, and the watch that calls the step off once it cannot hold.
///
/// A dialogue is pending from its scheduled start until it ends or is turned away, so a dialogue
/// stuck behind a slow gateway or a busy pool counts as late while it is still waiting.
actor ArrivalTally {
    private let settings: FindMaxSettings
    private let planned: Int
    private var result: ArrivalStepResult
    /// Scheduled starts of the fault-free dialogues still pending.
    private var pending: [Int: ContinuousClock.Instant] = [:]
    /// Dialogues with a seeded fault still pending (they may legitimately take long: `late`).
    private var pendingFaulted: Set<Int> = []
    private var finishedLate = 0
    private var latencies: [Duration] = []
    private var schedulingOver = false
    private var lastEnded: ContinuousClock.Instant?
    private var calledOffAt: ContinuousClock.Instant?

    init(settings: FindMaxSettings, rate: Double) {
        self.settings = settings
        planned = settings.planned(at: rate)
        result = ArrivalStepResult(offeredRate: rate)
    }

    var calledOff: Bool { result.calledOff }
    var allFinished: Bool { schedulingOver && pending.isEmpty && pendingFaulted.isEmpty }

    func scheduled(_ number: Int, at instant: ContinuousClock.Instant, faulted: Bool) {
        result.scheduled += 1
        if faulted { pendingFaulted.insert(number) } else { pending[number] = instant }
    }

    /// `latency`: scheduled start to first SMS (or end); only counted for completed dialogues.
    func record(_ number: Int, _ outcome: DialogueOutcome, latency: Duration, waited: Bool) {
        lastEnded = .now
        if waited { result.waitedForHandset += 1 }
        if pendingFaulted.remove(number) != nil {
            result.faulted += 1
            return
        }
        pending[number] = nil
        if let failure = outcome.failure {
            result.failures[failure.step, default: 0] += 1
            if outcome.breach != nil { result.breaches += 1 }
        } else {
            result.completed += 1
            latencies.append(latency)
            if latency > settings.targetP95 { finishedLate += 1 }
        }
    }

    /// A dialogue that never got a handset because the step was called off.
    func turnedAway(_ number: Int) {
        result.waitedForHandset += 1
        if pendingFaulted.remove(number) != nil {
            result.faulted += 1
        } else {
            pending[number] = nil
            result.unserved += 1
        }
    }

    func endScheduling() { schedulingOver = true }

    /// A clean-up after a failed or faulted dialogue: counted apart, never as a dialogue.
    func cleanedUp(_ cleanUp: PendingOfferCleanUp.Result) {
        result.cleanUp.add(cleanUp)
    }

    /// Calls the step off when it can no longer hold (``FindMaxSettings/stepIsLost(planned:overdue:failed:)``);
    /// true when this call did.
    func callOffIfLost(now: ContinuousClock.Instant) -> Bool {
        guard !result.calledOff else { return false }
        let cutoff = now - settings.targetP95
        let overdue = finishedLate + pending.values.count(where: { $0 < cutoff })
        guard settings.stepIsLost(planned: planned, overdue: overdue, failed: result.failed) else { return false }
        result.calledOff = true
        result.lateWhenCalledOff = overdue
        calledOffAt = now
        return true
    }

    /// The step's figures; it lasted from `start` until its last dialogue ended.
    func finalResult(start: ContinuousClock.Instant) -> ArrivalStepResult {
        var final = result
        final.elapsed = max(lastEnded ?? start, start) - start
        final.calledOffAfter = calledOffAt.map { $0 - start }
        final.latency = LatencySummary(latencies)
        return final
    }
}
