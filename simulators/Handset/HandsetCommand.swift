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
            --script FILE plays a dialogue and exits 0, or 1 with a diff of expected and actual.
            --load N --duration S replays the script on N handsets and reports sessions/s and
            dial-to-SMS percentiles.
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

    @Option(help: "Load mode: seeded faults, e.g. abandon=0.02,late=0.01,star=0.01.")
    var faults: String = ""

    @Option(help: "The aggregator's answer limit in milliseconds.")
    var answerLimit: Int = 15_000

    func validate() throws {
        guard GatewayAddress(url: gateway) != nil else { throw ValidationError("--gateway must be http://HOST[:PORT]/PATH") }
        if let lang, !["en", "sw"].contains(lang) { throw ValidationError("--lang is en or sw") }
        if let load {
            guard load > 0 else { throw ValidationError("--load must be at least 1") }
            guard script != nil else { throw ValidationError("--load needs --script FILE: the dialogue each handset replays") }
            guard duration > 0 else { throw ValidationError("--duration must be at least 1 second") }
        }
        if let smsc, SMSReceiverConfiguration.parseAddress(smsc) == nil { throw ValidationError("--smsc must be HOST:PORT") }
        do { _ = try LoadFaults(parsing: faults) } catch { throw ValidationError("--faults: \(error)") }
    }

    func run() async throws {
        let endpoints = Endpoints(
            gatewayURL: gateway, smscFlag: smsc, smscAccount: (smscSystemId, smscPassword), answerLimitMillis: answerLimit)
        if let load, let script {
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
}
