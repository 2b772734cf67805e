import SMPP

/// One virtual handset of a load run: its number, the neighbour it pays, a kept-alive HTTP
/// connection to the gateway and, when an SMSC is given, a receiver bound for its number.
///
/// Closed-loop (`--load`) and open-loop (`--find-max`) runs share it, so both play dialogues the
/// same way and differ only in when they start them.
struct LoadHandset: Sendable {
    let index: Int
    let msisdn: String
    let runner: DialogueRunner
    let http: HTTPClient
    let inbox: SMSInbox
    let receiver: SMSReceiver?

    init(index: Int, configuration: LoadConfiguration) {
        self.index = index
        let msisdn = String(configuration.msisdnBase + index)
        self.msisdn = msisdn
        let peer = String(configuration.msisdnBase + (index + 1) % max(configuration.handsets, 1))
        runner = DialogueRunner(
            gateway: configuration.gateway, line: SubscriberLine(msisdn: msisdn), rules: configuration.rules,
            placeholders: ["msisdn": msisdn, "peer": peer])
        http = HTTPClient(host: configuration.gateway.host, port: configuration.gateway.port)
        inbox = SMSInbox()
        receiver = configuration.smsc.map { smsc in
            SMSReceiver(configuration: SMSReceiverConfiguration(
                host: smsc.host, port: smsc.port, msisdn: msisdn,
                systemID: configuration.smscSystemID, password: configuration.smscPassword))
        }
    }

    /// Plays `script` once; `fault` (drawn by the caller) interrupts one `send` step.
    func play(_ script: DialogueScript, fault: (step: Int, fault: StepInterruption)?) async -> DialogueOutcome {
        // Unread SMS belong to earlier dialogues: drop them. The runner also refuses any SMS stamped
        // before this dialogue's first dial, which still covers one in the receiver's stream right now.
        await inbox.clear()
        return await runner.play(script, http: http, inbox: receiver == nil ? nil : inbox) { step in
            guard let fault, fault.step == step else { return .none }
            return fault.fault
        }
    }

    /// Clears what a dialogue that did not end as scripted left behind (a Pending offer), before the
    /// handset's next dialogue: see ``PendingOfferCleanUp``.
    func cleanUp(dialling code: String) async -> PendingOfferCleanUp.Result {
        let cleanUp = PendingOfferCleanUp(gateway: runner.gateway, line: runner.line, rules: runner.rules, code: code)
        return await cleanUp.run(http: http)
    }

    /// Binds `configuration.handsets` handsets, runs `body` with those that bound (and how many did
    /// not), then closes every link and returns `body`'s result.
    ///
    /// Every receiver stays bound until `body` returns, not just until its own handset is done: a
    /// handset that finished early is still some neighbour's payee, and its SMS must land rather than
    /// wait in the SMSC for a receiver that is gone.
    static func withHandsets<Result: Sendable>(
        _ configuration: LoadConfiguration, body: @Sendable ([LoadHandset], Int) async -> Result
    ) async -> Result {
        let handsets = (0..<configuration.handsets).map { LoadHandset(index: $0, configuration: configuration) }
        return await withTaskGroup(of: Void.self, returning: Result.self) { group in
            for handset in handsets {
                guard let receiver = handset.receiver else { continue }
                group.addTask { try? await receiver.run() }
                group.addTask { await handset.inbox.collect(from: receiver.inbox) }
            }
            let bound = await withTaskGroup(of: LoadHandset?.self, returning: [LoadHandset].self) { binds in
                for handset in handsets {
                    binds.addTask {
                        guard let receiver = handset.receiver else { return handset }
                        do { try await receiver.waitUntilBound() } catch { return nil }
                        return handset
                    }
                }
                var bound: [LoadHandset] = []
                for await handset in binds { if let handset { bound.append(handset) } }
                return bound.sorted { $0.index < $1.index }
            }
            let result = await body(bound, handsets.count - bound.count)
            for handset in handsets {
                handset.receiver?.close()
                await handset.http.close()
            }
            await group.waitForAll()
            return result
        }
    }
}
