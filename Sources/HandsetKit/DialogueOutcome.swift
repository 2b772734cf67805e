/// How a played dialogue went: passed, or the first step that failed with what was expected and
/// what happened instead.
public struct DialogueOutcome: Hashable, Sendable {
    public struct Failure: Hashable, Sendable {
        /// 1-based position of the step in the script, and its line in the file.
        public var stepNumber: Int
        public var line: Int
        public var step: String
        public var expected: String
        public var actual: String

        public init(stepNumber: Int, line: Int, step: String, expected: String, actual: String) {
            self.stepNumber = stepNumber
            self.line = line
            self.step = step
            self.expected = expected
            self.actual = actual
        }
    }

    public var name: String
    public var failure: Failure?
    /// From the first dial to the first SMS an `expect-sms` matched: the figure load mode reports.
    public var dialToSMS: Duration?
    /// When that SMS arrived: open-loop load measures from a dialogue's *scheduled* start instead.
    public var firstSMSAt: ContinuousClock.Instant?
    /// True when the session broke an aggregator rule (counted apart in load mode).
    public var breach: AggregatorBreach?

    public init(name: String, failure: Failure? = nil, dialToSMS: Duration? = nil, breach: AggregatorBreach? = nil) {
        self.name = name
        self.failure = failure
        self.dialToSMS = dialToSMS
        self.breach = breach
    }

    public var passed: Bool { failure == nil }

    /// A readable diff: `- expected` / `+ actual`, the actual screen shown line by line.
    public var report: String {
        guard let failure else { return "PASS \(name)" }
        var lines = ["FAIL \(name): step \(failure.stepNumber) (line \(failure.line)): \(failure.step)"]
        lines.append("  - expected: \(failure.expected)")
        let actual = failure.actual.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in actual.enumerated() {
            lines.append((index == 0 ? "  + actual:   " : "              ") + line)
        }
        return lines.joined(separator: "\n")
    }
}
