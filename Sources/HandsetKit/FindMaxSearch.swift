/// The step controller of `--find-max`: told how each step went, it judges the step and names the
/// next rate, until a step does not hold or the maximum rate was held.
///
/// Pure (no clock, no I/O), so the search rules test by feeding it made-up step results.
public struct FindMaxSearch: Hashable, Sendable {
    public let settings: FindMaxSettings
    /// The rate the next step should offer; nil once the search is over.
    public private(set) var nextRate: Double?
    /// The step with the highest rate that held so far.
    public private(set) var best: ArrivalStepResult?
    /// Every step recorded, with its verdict, in order.
    public private(set) var steps: [Step] = []

    public struct Step: Hashable, Sendable {
        public var result: ArrivalStepResult
        public var verdict: StepVerdict

        public init(result: ArrivalStepResult, verdict: StepVerdict) {
            self.result = result
            self.verdict = verdict
        }
    }

    public init(settings: FindMaxSettings) {
        self.settings = settings
        nextRate = settings.maxRate.map { min($0, settings.startRate) } ?? settings.startRate
    }

    public var isFinished: Bool { nextRate == nil }

    /// Judges one step: it holds when it ran to its end, its p95 is within the target and enough of
    /// its fault-free dialogues completed.
    public func verdict(of result: ArrivalStepResult) -> StepVerdict {
        if result.calledOff { return .calledOff }
        guard let p95 = result.latency.percentile(95), result.completed > 0 else { return .noCompletedDialogues }
        if p95 > settings.targetP95 { return .p95TooHigh(p95) }
        if result.completedShare < settings.minimumCompletedShare { return .tooFewCompleted(result.completedShare) }
        return .holds
    }

    /// Records the step just run, returns its verdict and sets ``nextRate``: the grown rate (capped
    /// at ``FindMaxSettings/maxRate``) after a held step, nil after one that did not hold or after
    /// holding the maximum.
    @discardableResult
    public mutating func record(_ result: ArrivalStepResult) -> StepVerdict {
        let verdict = verdict(of: result)
        steps.append(Step(result: result, verdict: verdict))
        guard verdict.held else {
            nextRate = nil
            return verdict
        }
        if result.offeredRate > best?.offeredRate ?? 0 { best = result }
        let grown = settings.growth.next(after: result.offeredRate)
        if let maxRate = settings.maxRate {
            nextRate = result.offeredRate >= maxRate ? nil : min(grown, maxRate)
        } else {
            nextRate = grown
        }
        return verdict
    }

    /// True when the search stopped because the maximum rate held, not because a step failed.
    public var reachedMaxRate: Bool {
        guard isFinished, let last = steps.last, last.verdict.held, let maxRate = settings.maxRate else { return false }
        return last.result.offeredRate >= maxRate
    }
}
