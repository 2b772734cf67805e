import Foundation
import HandsetKit

/// `handset --script FILE`: plays one dialogue, prints each screen, and reports pass or the diff.
struct ScriptMode {
    let endpoints: Endpoints
    let scriptPath: String
    let msisdn: String?

    /// True when the dialogue passed.
    func run() async throws -> Bool {
        let script: DialogueScript
        do {
            script = try DialogueScriptParser().parse(contentsOf: scriptPath)
        } catch {
            printError("handset: \(error)")
            return false
        }
        let number = SubscriberLine.normalize(msisdn ?? script.msisdn ?? "254700123456")
        print("== \(script.name) (+\(number) via \(endpoints.gateway))")
        let runner = DialogueRunner(gateway: endpoints.gateway, line: SubscriberLine(msisdn: number), rules: endpoints.rules,
                                    observer: Transcript.print)
        let receiver = script.needsSMS ? endpoints.receiver(for: number) : nil
        if script.needsSMS, receiver == nil {
            printError("handset: this dialogue expects SMS, but no SMSC is known: \(endpoints.smscDescription)")
            return false
        }
        let outcome = await withTaskGroup(of: DialogueOutcome?.self) { group in
            let inbox = SMSInbox()
            if let receiver {
                group.addTask { try? await receiver.run(); return nil }
                group.addTask { await inbox.collect(from: receiver.inbox); return nil }
                do { try await receiver.waitUntilBound() } catch {
                    receiver.close()
                    return DialogueOutcome(name: script.name, failure: .init(
                        stepNumber: 0, line: 0, step: "bind to the SMSC", expected: "a bound receiver", actual: "\(error)"))
                }
            }
            let outcome = await runner.play(script, http: endpoints.http(), inbox: receiver == nil ? nil : inbox)
            receiver?.close()
            return outcome
        }
        print(outcome.report)
        return outcome.passed
    }
}

/// Prints a dialogue as it goes: screens framed by their CON/END, inputs after `>`, SMS as they match.
enum Transcript {
    @Sendable static func print(_ event: DialogueEvent) {
        switch event {
        case .dialled(let code): Swift.print("> dial \(code)")
        case .screen(let screen): Swift.print((screen.isFinal ? "END | " : "CON | ") + screen.text.replacingOccurrences(of: "\n", with: "\n    | "))
        case .sent(let input, let masked): Swift.print("> " + (masked ? String(repeating: "*", count: input.count) : input))
        case .sms(let sms): Swift.print("SMS from \(sms.from): \(sms.text)")
        case .breach(let breach): Swift.print("!! session dropped: \(breach)")
        }
    }
}
