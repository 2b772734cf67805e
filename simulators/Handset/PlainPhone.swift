import Foundation
import HandsetKit

/// The handset line by line, for pipes and logs: type a code to dial (empty for *334#), then each
/// answer; `:c` cancels the session, `:q` quits. SMS are printed as they arrive.
struct PlainPhone {
    let endpoints: Endpoints
    let msisdn: String

    func run() async throws {
        print("handset +\(msisdn) -> \(endpoints.gateway); SMSC \(endpoints.smscDescription)")
        print("type a code to dial (empty: *334#), then answers; :c cancels, :q quits")
        let http = endpoints.http()
        let receiver = endpoints.receiver(for: msisdn)
        await withTaskGroup(of: Void.self) { group in
            if let receiver {
                group.addTask { try? await receiver.run() }
                group.addTask {
                    for await sms in receiver.inbox { print("SMS from \(sms.from): \(sms.text)") }
                }
            }
            var session: USSDSessionClient?
            let echo = isatty(STDIN_FILENO) == 0  // piped answers are not on screen yet
            for await line in StandardInput.lines() {
                if line == ":q" { break }
                if let open = session, await open.isOpen {
                    if echo, line != ":c" {
                        let masked = await open.screen?.asksForPIN ?? false
                        print("> " + (masked ? String(repeating: "*", count: line.count) : line))
                    }
                    if line == ":c" {
                        await open.abandon()
                        print("(cancelled)")
                        continue
                    }
                    show(await open.send(line))
                } else {
                    let fresh = USSDSessionClient(gateway: endpoints.gateway, line: SubscriberLine(msisdn: msisdn), http: http,
                                                  rules: endpoints.rules)
                    session = fresh
                    let code = line.isEmpty ? DialogueScript.defaultCode : line
                    print("> dial \(code)")
                    show(await fresh.dial(code))
                }
            }
            if let open = session { await open.abandon() }
            // Give an SMS already on its way a moment to land before the link closes.
            try? await Task.sleep(for: .milliseconds(300))
            receiver?.close()
            await http.close()
        }
    }

    private func show(_ outcome: HopOutcome) {
        switch outcome {
        case .screen(let screen): Transcript.print(.screen(screen))
        case .breach(let breach): Transcript.print(.breach(breach))
        }
    }
}
