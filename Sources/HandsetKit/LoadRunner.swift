import SMPP
/// Runs many handsets at once, each replaying a script in a loop, and adds up what happened.
public struct LoadRunner: Sendable {
    public var configuration: LoadConfiguration

    public init(configuration: LoadConfiguration) {
        self.configuration = configuration
    }

    public func run(_ script: DialogueScript, progress: @escaping @Sendable (LoadProgress) -> Void = { _ in }) async -> LoadReport {
        let tally = LoadTally()
        let start = ContinuousClock.now
        let deadline = start + configuration.duration
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<configuration.handsets {
                group.addTask { await handset(index, script: script, deadline: deadline, tally: tally) }
            }
            group.addTask {
                while ContinuousClock.now < deadline {
                    try? await Task.sleep(for: .seconds(1))
                    let report = await tally.report
                    progress(LoadProgress(elapsed: .now - start, completed: report.completed, failed: report.failed, faulted: report.faulted))
                }
            }
        }
        var report = await tally.finalReport
        report.elapsed = .now - start
        return report
    }

    private func handset(_ index: Int, script: DialogueScript, deadline: ContinuousClock.Instant, tally: LoadTally) async {
        let msisdn = String(configuration.msisdnBase + index)
        let peer = String(configuration.msisdnBase + (index + 1) % max(configuration.handsets, 1))
        let runner = DialogueRunner(
            gateway: configuration.gateway, line: SubscriberLine(msisdn: msisdn), rules: configuration.rules,
            placeholders: ["msisdn": msisdn, "peer": peer])
        let http = HTTPClient(host: configuration.gateway.host, port: configuration.gateway.port)
        let inbox = SMSInbox()
        var generator = SeededGenerator(seed: configuration.seed &+ UInt64(index) &* 0x1000_0001)
        let sendSteps = script.steps.indices.filter { if case .send = script.steps[$0].step { true } else { false } }
        await withTaskGroup(of: Void.self) { group in
            var receiver: SMSReceiver?
            if let smsc = configuration.smsc {
                let link = SMSReceiver(configuration: SMSReceiverConfiguration(
                    host: smsc.host, port: smsc.port, msisdn: msisdn,
                    systemID: configuration.smscSystemID, password: configuration.smscPassword))
                receiver = link
                group.addTask { try? await link.run() }
                group.addTask { await inbox.collect(from: link.inbox) }
                do { try await link.waitUntilBound() } catch {
                    await tally.setupFailed()
                    link.close()
                    return
                }
            }
            while ContinuousClock.now < deadline {
                let fault = configuration.faults.draw(using: &generator, sendSteps: sendSteps)
                let outcome = await runner.play(script, http: http, inbox: inbox) { step in
                    guard let fault, fault.step == step else { return .none }
                    return fault.fault
                }
                await tally.record(outcome, faulted: fault != nil)
                await inbox.clear()
            }
            receiver?.close()
            await http.close()
        }
    }
}

/// The shared counts of a load run.
actor LoadTally {
    private(set) var report = LoadReport()
    private var latencies: [Duration] = []

    func record(_ outcome: DialogueOutcome, faulted: Bool) {
        if faulted {
            report.faulted += 1
        } else if let failure = outcome.failure {
            report.failures[failure.step, default: 0] += 1
            if outcome.breach != nil { report.breaches += 1 }
        } else {
            report.completed += 1
        }
        if !faulted, let latency = outcome.dialToSMS { latencies.append(latency) }
    }

    /// The report with its percentiles, sorted once at the end rather than on every record.
    var finalReport: LoadReport {
        var final = report
        final.dialToSMS = LatencySummary(latencies)
        return final
    }

    func setupFailed() { report.setupFailures += 1 }
}
