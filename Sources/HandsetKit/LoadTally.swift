/// The shared counts of a closed-loop load run.
///
/// A dialogue is counted as started before it dials and once more when it ends, so the final
/// report can prove that every dialogue started was accounted for exactly once.
actor LoadTally {
    private(set) var report = LoadReport()
    private var latencies: [Duration] = []

    func started() { report.started += 1 }

    /// `overran`: the dialogue ended after the run's duration (it was in flight when time ran out).
    func record(_ outcome: DialogueOutcome, faulted: Bool, overran: Bool) {
        if faulted {
            report.faulted += 1
        } else if let failure = outcome.failure {
            report.failures[failure.step, default: 0] += 1
            if report.failureExamples[failure.step] == nil { report.failureExamples[failure.step] = failure.actual }
            if outcome.breach != nil { report.breaches += 1 }
            if overran { report.overranFailed += 1 }
        } else {
            report.completed += 1
        }
        if overran { report.overran += 1 }
        if !faulted, let latency = outcome.dialToSMS { latencies.append(latency) }
    }

    /// The report with its percentiles, sorted once at the end rather than on every record.
    var finalReport: LoadReport {
        var final = report
        final.dialToSMS = LatencySummary(latencies)
        return final
    }

    func setupFailed(_ count: Int) { report.setupFailures += count }

    /// A clean-up after a failed or faulted dialogue: counted apart, never as a dialogue.
    func cleanedUp(_ result: PendingOfferCleanUp.Result) {
        report.cleanUp.add(result)
    }
}
