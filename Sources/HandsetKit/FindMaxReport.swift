/// What `--find-max` found: every step, the best one, and how many handsets it had.
public struct FindMaxReport: Hashable, Sendable {
    public var search: FindMaxSearch
    /// Handsets bound to the SMSC (the pool), and those that could not bind.
    public var handsets: Int
    public var handsetsNotBound: Int

    public init(search: FindMaxSearch, handsets: Int, handsetsNotBound: Int) {
        self.search = search
        self.handsets = handsets
        self.handsetsNotBound = handsetsNotBound
    }

    /// The closing line: `find-max: highest rate that held: X dialogues/s (p95 Y ms)`.
    public var summary: String {
        guard let best = search.best else {
            let first = search.steps.first.map { " (the first step, \(FindMaxReport.rate($0.result.offeredRate))/s, \($0.verdict.text))" } ?? ""
            return "find-max: highest rate that held: none" + first
        }
        let p95 = best.latency.percentile(95)?.milliseconds ?? 0
        let cap = search.reachedMaxRate ? " (--max-rate reached: the gateway may hold more)" : ""
        return "find-max: highest rate that held: \(FindMaxReport.rate(best.offeredRate)) dialogues/s (p95 \(p95) ms)" + cap
    }

    /// One line per step: rate offered and achieved, outcomes, percentiles and the verdict, then
    /// indented notes on why a step did not hold.
    public static func line(number: Int, step: FindMaxSearch.Step) -> String {
        let result = step.result
        func ms(_ p: Double) -> String { result.latency.percentile(p).map { "\($0.milliseconds)" } ?? "n/a" }
        var line = "step \(number): offered \(rate(result.offeredRate))/s  achieved \(rate(result.achievedRate))/s  "
            + "completed \(result.completed)  failed \(result.failed + result.unserved)"
            + (result.faulted > 0 ? "  with faults \(result.faulted)" : "")
            + "  p50/p95/p99 \(ms(50))/\(ms(95))/\(ms(99)) ms  \(step.verdict.text)"
        if let after = result.calledOffAfter {
            line += "\n  called off after \(after.milliseconds) ms, when \(result.lateWhenCalledOff) of the \(result.scheduled)"
                + " dialogues started were already late"
        }
        if result.unserved > 0 { line += "\n  \(result.unserved) dialogues never got a handset (counted as failed)" }
        if result.waitedForHandset > 0, !step.verdict.held {
            line += "\n  \(result.waitedForHandset) dialogues waited for a free handset: the pool may be the limit (give more --accounts)"
        }
        for (failedStep, count) in result.failures.sorted(by: { $0.value > $1.value }).prefix(3) {
            line += "\n  failed \(count)x at: \(failedStep)"
        }
        if let cleanUp = result.cleanUp.text { line += "\n  " + cleanUp }
        return line
    }

    /// A rate with one decimal: `15.0`, `33.8`.
    static func rate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
