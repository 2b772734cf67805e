import ArgumentParser
import Foundation
import HandsetKit

/// `handset`: a feature phone in the terminal, a scripted dialogue player, and a load generator,
/// all playing the aggregator's part strictly (CON/END, 182/80 characters, 15 s answers).
@main
struct HandsetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handset",
        abstract: "Dial *334# against a PesaGate USSD gateway and read the SMS that follow.",
        discussion: """
            Interactive on a terminal; line by line when standard output is not a terminal.

            --script FILE plays a dialogue and exits 0, or 1 with a diff of expected and actual. \
            expect-sms and expect-no-sms only see SMS that arrived after the dialogue's first dial.

            --load N --duration S replays the script on N handsets and reports sessions/s and \
            dial-to-SMS percentiles. After a dialogue that failed or carried a seeded fault, a handset \
            pauses 1 s (so failures cannot become a flood of dials), then dials once more and answers \
            2 (Cancel) to any Pending offer the dialogue left behind; these clean-up dials are reported \
            apart and are not counted as dialogues.

            --find-max --accounts N starts dialogues at a rising rate (open loop) until the p95 from \
            scheduled start to SMS passes --target-p95-ms, and reports the highest rate that held. A \
            handset cleans up after a failed or faulted dialogue as in --load, without the pause \
            (arrivals keep their schedule).
            """
    )

    @Option(help: "The gateway's USSD callback URL.")
    var gateway = "http://127.0.0.1:8080/ussd"

    @Option(help: "The handset's MSISDN (2547..., +2547... or 07...); default: the script's, else 254700123456.")
    var msisdn: String?

    @Option(help: "SMSC HOST:PORT to receive SMS from; default: the contents of ./data/smsc.address.")
    var smsc: String?

    @Option(help: "system_id the SMSC keeps for handsets.")
    var smscSystemId = "handset"

    @Option(help: "Password of the handsets' SMSC account (a shared simulator credential, not a secret).")
    var smscPassword = "handset"

    @Option(help: "The handset's display language: en or sw (the gateway chooses the screens' language per subscriber).")
    var lang: String?

    @Option(help: "A dialogue YAML file to play (see simulators/dialogues).")
    var script: String?

    @Option(help: "Load mode: this many concurrent handsets.")
    var load: Int?

    @Option(help: "Load mode: seconds to run.")
    var duration: Int = 60

    @Option(help: "Load mode: the first handset's MSISDN; handset i dials from base + i.")
    var msisdnBase: Int = 254_790_000_000

    @Option(help: "Load mode: seed of the fault draws.")
    var seed: UInt64 = 1

    @Option(help: "Load mode: seeded faults, per dialogue: abandon (walk away before a send), late (answer after 20 s), star (type 1*2), e.g. abandon=0.02,late=0.01,star=0.01.")
    var faults: String = ""

    @Option(help: "The aggregator's answer limit in milliseconds.")
    var answerLimit: Int = 15_000

    @Flag(help: "Search the highest open-loop arrival rate whose p95 from dial to SMS holds --target-p95-ms.")
    var findMax = false

    @Option(help: "Find-max: the pool of funded MSISDNs from --msisdn-base (default: --load).")
    var accounts: Int?

    @Option(help: "Find-max: the first step's rate, in dialogues started per second.")
    var startRate: Double = 10

    @Option(help: "Find-max: seconds each step keeps starting dialogues.")
    var stepDuration: Int = 15

    @Option(help: "Find-max: the next step's rate is this times the last one's.")
    var stepFactor: Double = 1.5

    @Option(help: "Find-max: grow the rate by adding this many dialogues/s instead of by --step-factor.")
    var stepAdd: Double?

    @Option(help: "Find-max: a step holds while its p95 from scheduled start to SMS is at most this.")
    var targetP95Ms: Int = 1_000

    @Option(help: "Find-max: never offer more than this many dialogues/s.")
    var maxRate: Double?

    func validate() throws {
        guard GatewayAddress(url: gateway) != nil else { throw ValidationError("--gateway must be http://HOST[:PORT]/PATH") }
        if let lang, !["en", "sw"].contains(lang) { throw ValidationError("--lang is en or sw") }
        if let load {
            guard load > 0 else { throw ValidationError("--load must be at least 1") }
            guard script != nil else { throw ValidationError("--load needs --script FILE: the dialogue each handset replays") }
            guard duration > 0 else { throw ValidationError("--duration must be at least 1 second") }
        }
        if findMax { try validateFindMax() }
        if let smsc, SMSReceiverConfiguration.parseAddress(smsc) == nil { throw ValidationError("--smsc must be HOST:PORT") }
        do { _ = try LoadFaults(parsing: faults) } catch { throw ValidationError("--faults: \(error)") }
    }

    func run() async throws {
        let endpoints = Endpoints(
            gatewayURL: gateway, smscFlag: smsc, smscAccount: (smscSystemId, smscPassword), answerLimitMillis: answerLimit)
        if findMax, let script, let pool = accounts ?? load {
            var settings = FindMaxSettings(
                startRate: startRate, stepDuration: .seconds(stepDuration), maxRate: maxRate, targetP95: .milliseconds(targetP95Ms))
            settings.growth = stepAdd.map { .increment($0) } ?? .factor(stepFactor)
            let mode = FindMaxMode(endpoints: endpoints, scriptPath: script, accounts: pool, msisdnBase: msisdnBase,
                                   seed: seed, faults: try LoadFaults(parsing: faults), settings: settings)
            try await mode.run()
        } else if let load, let script {
            let mode = LoadMode(endpoints: endpoints, scriptPath: script, handsets: load, seconds: duration,
                                msisdnBase: msisdnBase, seed: seed, faults: try LoadFaults(parsing: faults))
            try await mode.run()
        } else if let script {
            let passed = try await ScriptMode(endpoints: endpoints, scriptPath: script, msisdn: msisdn).run()
            if !passed { throw ExitCode(1) }
        } else {
            let number = SubscriberLine.normalize(msisdn ?? "254700123456")
            if isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 {
                try await TerminalPhone(endpoints: endpoints, msisdn: number, lang: lang ?? "en").run()
            } else {
                try await PlainPhone(endpoints: endpoints, msisdn: number).run()
            }
        }
    }

    private func validateFindMax() throws {
        guard script != nil else { throw ValidationError("--find-max needs --script FILE: the dialogue each arrival plays") }
        guard let pool = accounts ?? load else {
            throw ValidationError("--find-max needs --accounts N (or --load N): how many funded MSISDNs from --msisdn-base to use")
        }
        guard pool > 0 else { throw ValidationError("--accounts must be at least 1") }
        guard startRate > 0 else { throw ValidationError("--start-rate must be above 0") }
        guard stepDuration > 0 else { throw ValidationError("--step-duration must be at least 1 second") }
        if let stepAdd {
            guard stepAdd > 0 else { throw ValidationError("--step-add must be above 0") }
        } else {
            guard stepFactor > 1 else { throw ValidationError("--step-factor must be above 1") }
        }
        guard targetP95Ms > 0 else { throw ValidationError("--target-p95-ms must be above 0") }
        if let maxRate { guard maxRate > 0 else { throw ValidationError("--max-rate must be above 0") } }
    }
}
