/// What a load run measured: throughput, dial-to-SMS percentiles and every dialogue's outcome.
public struct LoadReport: Hashable, Sendable {
    public var elapsed: Duration
    /// Fault-free dialogues that passed every step.
    public var completed = 0
    /// Fault-free dialogues that failed a step, by the step that failed.
    public var failures: [String: Int] = [:]
    /// What the first dialogue to fail each step saw instead (screen or SMS), so a report says why.
    public var failureExamples: [String: String] = [:]
    /// Dialogues that met an aggregator breach (also counted in `failures`).
    public var breaches = 0
    /// Dialogues that carried a seeded fault, passed or not.
    public var faulted = 0
    /// Handsets that could not bind to the SMSC.
    public var setupFailures = 0
    /// Dialogues started: each ends up exactly once in `completed`, `failures` or `faulted`.
    public var started = 0
    /// Dialogues still in flight when the duration ended, played to their end and counted by their
    /// real outcome like the others (included in the counts above).
    public var overran = 0
    /// Of ``overran``, the fault-free ones that failed a step.
    public var overranFailed = 0
    public var dialToSMS = LatencySummary()
    /// Dials made after failed or faulted dialogues to cancel what they left behind; not dialogues.
    public var cleanUp = CleanUpCount()

    public init(elapsed: Duration = .zero) {
        self.elapsed = elapsed
    }

    public var failed: Int { failures.values.reduce(0, +) }
    public var sessions: Int { completed + failed + faulted }
    /// Dialogues started but counted nowhere: always 0 unless the runner lost one.
    public var unaccounted: Int { started - sessions }

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
            "sessions: \(sessions) in \(elapsed.milliseconds / 1_000) s = " + String(Self.twoDecimals(sessionsPerSecond)) + " sessions/s",
            "dial to SMS: p50 \(ms(50))  p95 \(ms(95))  p99 \(ms(99))  (\(dialToSMS.count) samples)",
            "outcomes: completed \(completed) (" + Self.twoDecimals(completedShare) + " % of fault-free)  failed \(failed)"
                + "  breaches \(breaches)  with faults \(faulted)" + (setupFailures > 0 ? "  handsets not bound \(setupFailures)" : ""),
        ]
        for (step, count) in failures.sorted(by: { $0.value > $1.value }).prefix(5) {
            lines.append("  failed \(count)x at: \(step)")
            if let example = failureExamples[step] { lines.append("    first saw: " + Self.oneLine(example)) }
        }
        if let cleanUpText = cleanUp.text { lines.append(cleanUpText) }
        if overran > 0 {
            lines.append("in flight when the duration ended: \(overran), played to their end and counted above (\(overranFailed) of them failed)")
        }
        if unaccounted != 0 {
            lines.append("!! \(unaccounted) dialogues started but not accounted for")
        }
        return lines.joined(separator: "\n")
    }

    /// A screen or SMS on one short line: line breaks as ` / `, cut at 100 characters.
    static func oneLine(_ text: String) -> String {
        let flat = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " / ")
        return flat.count > 100 ? String(flat.prefix(99)) + "…" : flat
    }

    /// `12.34`: two decimals without Foundation's formatters.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
