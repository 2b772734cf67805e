import SMPP

/// Runs many handsets at once, each replaying a script in a loop (closed loop: a handset starts
/// its next dialogue when the last one ended), and adds up what happened.
///
/// After a dialogue that failed or carried a seeded fault a handset pauses
/// (``LoadConfiguration/pauseAfterFailure``), then cleans up what it left behind
/// (``PendingOfferCleanUp``) before its next dialogue: one fault must not fail the dialogues after it,
/// and a handset whose every dialogue fails at once must not flood the gateway.
///
/// When the duration is over no handset starts another dialogue, but those in flight play to
/// their end, each bounded by its own steps' time limits, and count by their real outcome: a
/// dialogue cut off by the clock would be reported as a failure the gateway never made.
public struct LoadRunner: Sendable {
    public var configuration: LoadConfiguration

    public init(configuration: LoadConfiguration) {
        self.configuration = configuration
    }

    public func run(_ script: DialogueScript, progress: @escaping @Sendable (LoadProgress) -> Void = { _ in }) async -> LoadReport {
        let tally = LoadTally()
        let configuration = configuration
        let sendSteps = script.sendSteps
        let dialCode = script.dialCode
        let elapsed = await LoadHandset.withHandsets(configuration) { handsets, notBound in
            await tally.setupFailed(notBound)
            // The clock starts once every handset is bound: binding is not part of the load.
            let start = ContinuousClock.now
            let deadline = start + configuration.duration
            // Child tasks answer true for a handset's loop, false for the progress line.
            await withTaskGroup(of: Bool.self) { group in
                for handset in handsets {
                    group.addTask {
                        var generator = SeededGenerator(seed: configuration.seed &+ UInt64(handset.index) &* 0x1000_0001)
                        while ContinuousClock.now < deadline {
                            let fault = configuration.faults.draw(using: &generator, sendSteps: sendSteps)
                            await tally.started()
                            let outcome = await handset.play(script, fault: fault)
                            await tally.record(outcome, faulted: fault != nil, overran: ContinuousClock.now >= deadline)
                            guard fault != nil || !outcome.passed else { continue }
                            let left = deadline - .now
                            if left > .zero { try? await Task.sleep(for: min(configuration.pauseAfterFailure, left)) }
                            // Even after the end: the next run must not meet this run's Pending offers.
                            await tally.cleanedUp(await handset.cleanUp(dialling: dialCode))
                        }
                        return true
                    }
                }
                // The progress line goes on while the dialogues in flight at the end play out.
                group.addTask {
                    while (try? await Task.sleep(for: .seconds(1))) != nil {
                        let report = await tally.report
                        progress(LoadProgress(elapsed: .now - start, completed: report.completed, failed: report.failed, faulted: report.faulted))
                    }
                    return false
                }
                var running = handsets.count
                while running > 0, let wasHandset = await group.next() {
                    if wasHandset { running -= 1 }
                }
                group.cancelAll()
            }
            return ContinuousClock.now - start
        }
        var report = await tally.finalReport
        report.elapsed = elapsed
        return report
    }
}

extension DialogueScript {
    /// Positions of the `send` steps: where a seeded fault can strike.
    var sendSteps: [Int] {
        steps.indices.filter { if case .send = steps[$0].step { true } else { false } }
    }

    /// The code the script dials first: what a clean-up dial uses.
    var dialCode: String {
        for scripted in steps { if case .dial(let code) = scripted.step { return code } }
        return Self.defaultCode
    }
}
