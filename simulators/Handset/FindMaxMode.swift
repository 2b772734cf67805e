import ArgumentParser
import Foundation
import HandsetKit

/// `handset --find-max --accounts N --script FILE`: open-loop arrivals at a rising rate, one line
/// per step, then the highest rate whose p95 from scheduled start to SMS held the target.
struct FindMaxMode {
    let endpoints: Endpoints
    let scriptPath: String
    let accounts: Int
    let msisdnBase: Int
    let seed: UInt64
    let faults: LoadFaults
    let settings: FindMaxSettings

    func run() async throws {
        let script: DialogueScript
        do { script = try DialogueScriptParser().parse(contentsOf: scriptPath) } catch {
            printError("handset: \(error)")
            throw ExitCode(1)
        }
        let configuration = endpoints.loadConfiguration(
            handsets: accounts, duration: settings.stepDuration, msisdnBase: msisdnBase, seed: seed, faults: faults)
        let growth = switch settings.growth {
        case .factor(let factor): "x\(factor)"
        case .increment(let increment): "+\(increment)/s"
        }
        print("find-max: \(accounts) handsets (+\(msisdnBase)...+\(msisdnBase + accounts - 1)), script \(script.name), SMSC \(endpoints.smscDescription)")
        print("  steps of \(settings.stepDuration.milliseconds / 1_000) s from \(settings.startRate)/s (\(growth))"
              + (settings.maxRate.map { " up to \($0)/s" } ?? "")
              + "; a step holds at p95 <= \(settings.targetP95.milliseconds) ms (scheduled start to SMS)"
              + " with >= \(settings.minimumCompletedShare) % of fault-free dialogues completed")
        let report = await FindMaxRunner(configuration: configuration, settings: settings).run(script) { number, step in
            print(FindMaxReport.line(number: number, step: step))
        }
        if report.handsetsNotBound > 0 {
            print("  \(report.handsetsNotBound) handsets could not bind to the SMSC and were left out of the pool")
        }
        if report.handsets == 0 {
            printError("handset: no handset could bind to the SMSC at \(endpoints.smscDescription)")
            throw ExitCode(1)
        }
        print(report.summary)
    }
}
