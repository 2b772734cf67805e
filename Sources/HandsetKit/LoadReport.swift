/// What a load run measured: throughput, dial-to-SMS percentiles and every dialogue's outcome.
public struct LoadReport: Hashable, Sendable {
    public var elapsed: Duration
    /// Fault-free dialogues that passed every step.
    public var completed = 0
    /// Fault-free dialogues that failed a step, by the step that failed.
    public var failures: [String: Int] = [:]
    /// Dialogues that met an aggregator breach (also counted in `failures`).
    public var breaches = 0
    /// Dialogues that carried a seeded fault, passed or not.
    public var faulted = 0
    /// Handsets that could not bind to the SMSC.
    public var setupFailures = 0
    public var dialToSMS = LatencySummary()

    public init(elapsed: Duration = .zero) {
        self.elapsed = elapsed
    }

    public var failed: Int { failures.values.reduce(0, +) }
    public var sessions: Int { completed + failed + faulted }

    public var sessionsPerSecond: Double {
        let seconds = Double(elapsed.milliseconds) / 1_000
        return seconds > 0 ? Double(sessions) / seconds : 0
    }

    /// Share of fault-free dialogues that completed, in percent.
    public var completedShare: Double {
        let faultFree = completed + failed
        return faultFree > 0 ? Double(completed) * 100 / Double(faultFree) : 0
    }

    /// The summary printed at the end of a run.
    public var text: String {
        func ms(_ p: Double) -> String { dialToSMS.percentile(p).map { "\($0.milliseconds) ms" } ?? "n/a" }
        var lines = [
            "sessions: \(sessions) in \(elapsed.milliseconds / 1_000) s = " + String(format2(sessionsPerSecond)) + " sessions/s",
            "dial to SMS: p50 \(ms(50))  p95 \(ms(95))  p99 \(ms(99))  (\(dialToSMS.count) samples)",
            "outcomes: completed \(completed) (" + format2(completedShare) + " % of fault-free)  failed \(failed)"
                + "  breaches \(breaches)  with faults \(faulted)" + (setupFailures > 0 ? "  handsets not bound \(setupFailures)" : ""),
        ]
        for (step, count) in failures.sorted(by: { $0.value > $1.value }).prefix(5) {
            lines.append("  failed \(count)x at: \(step)")
        }
        return lines.joined(separator: "\n")
    }

    private func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
