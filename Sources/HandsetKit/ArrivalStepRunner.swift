import SMPP

/// Plays one open-loop step: starts dialogues on a fixed schedule (`rate` per second for the
/// step's duration) whatever the gateway is doing, each on a free handset, and times each one
/// from its *scheduled* start.
///
/// A closed loop slows down with the server and so hides queueing; here a slow gateway, or a pool
/// with no free handset, shows as latency. When the schedule ends the step's dialogues in flight
/// play to their end, so every scheduled dialogue is counted exactly once.
struct ArrivalStepRunner: Sendable {
    let script: DialogueScript
    let handsets: HandsetQueue
    let settings: FindMaxSettings
    let faults: LoadFaults
    /// How often the step checks whether it can still hold.
    var watchInterval: Duration = .milliseconds(100)

    private var dialCode: String { script.dialCode }

    func run(rate: Double, generator: inout SeededGenerator) async -> ArrivalStepResult {
        let planned = settings.planned(at: rate)
        let tally = ArrivalTally(settings: settings, rate: rate)
        let sendSteps = script.sendSteps
        await handsets.reopen()
        let start = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await watch(tally) }
            var number = 0
            while number < planned, !(await tally.calledOff) {
                let due = start + .seconds(Double(number) / rate)
                if due > .now { try? await Task.sleep(until: due, tolerance: .milliseconds(1)) }
                // Start every dialogue that is due, each keeping its own scheduled instant.
                let now = ContinuousClock.now
                while number < planned {
                    let scheduled = start + .seconds(Double(number) / rate)
                    guard scheduled <= now else { break }
                    let fault = faults.draw(using: &generator, sendSteps: sendSteps)
                    await tally.scheduled(number, at: scheduled, faulted: fault != nil)
                    group.addTask { [number] in await play(number, scheduled: scheduled, fault: fault, tally: tally) }
                    number += 1
                }
            }
            await tally.endScheduling()
        }
        return await tally.finalResult(start: start)
    }

    private func play(_ number: Int, scheduled: ContinuousClock.Instant, fault: (step: Int, fault: StepInterruption)?, tally: ArrivalTally) async {
        let (handset, waited) = await handsets.take()
        guard let handset else { return await tally.turnedAway(number) }
        let outcome = await handset.play(script, fault: fault)
        let ended = ContinuousClock.now
        await tally.record(number, outcome, latency: (outcome.firstSMSAt ?? ended) - scheduled, waited: waited)
        if fault != nil || !outcome.passed {
            // Before anyone else takes this number: cancel the Pending offer the dialogue may have
            // left, which would otherwise fail the next dialogue on it. Not part of any latency.
            await tally.cleanedUp(await handset.cleanUp(dialling: dialCode))
        }
        await handsets.giveBack(handset)
    }

    /// Until the step's last dialogue ended: calls the step off once it cannot hold, and then turns
    /// away the dialogues still waiting for a handset rather than play a lost step out.
    private func watch(_ tally: ArrivalTally) async {
        while !(await tally.allFinished) {
            try? await Task.sleep(for: watchInterval)
            if await tally.callOffIfLost(now: .now) { await handsets.turnAwayWaiting() }
        }
    }
}
