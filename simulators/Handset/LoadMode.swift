import ArgumentParser
import Foundation
import HandsetKit

/// `handset --load N --duration S --script FILE`: N handsets replaying the script, a live progress
/// line, then sessions/s, dial-to-SMS percentiles and outcome counts.
struct LoadMode {
    let endpoints: Endpoints
    let scriptPath: String
    let handsets: Int
    let seconds: Int
    let msisdnBase: Int
    let seed: UInt64
    let faults: LoadFaults

    func run() async throws {
        let script: DialogueScript
        do { script = try DialogueScriptParser().parse(contentsOf: scriptPath) } catch {
            printError("handset: \(error)")
            throw ExitCode(1)
        }
        let configuration = endpoints.loadConfiguration(
            handsets: handsets, duration: .seconds(seconds), msisdnBase: msisdnBase, seed: seed, faults: faults)
        let last = msisdnBase + handsets - 1
        print("load: \(handsets) handsets (+\(msisdnBase)...+\(last)) for \(seconds) s, script \(script.name), SMSC \(endpoints.smscDescription)")
        let interactive = isatty(STDOUT_FILENO) == 1
        let report = await LoadRunner(configuration: configuration).run(script) { progress in
            let line = "  \(progress.elapsed.milliseconds / 1_000) s: completed \(progress.completed)  failed \(progress.failed)  with faults \(progress.faulted)"
            if interactive {
                FileHandle.standardOutput.write(Data(("\r" + line + "   ").utf8))
            } else {
                print(line)
            }
        }
        if interactive { print("") }
        print(report.text)
    }
}

