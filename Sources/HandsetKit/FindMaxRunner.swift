import SMPP

/// `--find-max`: offers open-loop arrivals at a rising rate, one step at a time, until a step does
/// not hold, and reports the highest rate that held (issue #8: p95 from dial to SMS ≤ 1 s).
///
/// The pool is `configuration.handsets` MSISDNs from `configuration.msisdnBase`, all bound to the
/// SMSC for the whole search; `configuration.duration` is not used (each step lasts
/// ``FindMaxSettings/stepDuration``).
public struct FindMaxRunner: Sendable {
    public var configuration: LoadConfiguration
    public var settings: FindMaxSettings

    public init(configuration: LoadConfiguration, settings: FindMaxSettings) {
        self.configuration = configuration
        self.settings = settings
    }

    /// Runs the search; `stepEnded` is called after each step with its number (from 1), result and verdict.
    public func run(_ script: DialogueScript, stepEnded: @escaping @Sendable (Int, FindMaxSearch.Step) -> Void = { _, _ in }) async -> FindMaxReport {
        let configuration = configuration
        let settings = settings
        return await LoadHandset.withHandsets(configuration) { handsets, notBound in
            var report = FindMaxReport(search: FindMaxSearch(settings: settings), handsets: handsets.count, handsetsNotBound: notBound)
            guard !handsets.isEmpty else { return report }
            let runner = ArrivalStepRunner(
                script: script, handsets: HandsetQueue(handsets), settings: settings, faults: configuration.faults)
            var generator = SeededGenerator(seed: configuration.seed)
            while let rate = report.search.nextRate {
                let result = await runner.run(rate: rate, generator: &generator)
                let verdict = report.search.record(result)
                stepEnded(report.search.steps.count, FindMaxSearch.Step(result: result, verdict: verdict))
            }
            return report
        }
    }
}
