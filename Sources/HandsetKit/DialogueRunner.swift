/// Plays one ``DialogueScript`` against a gateway, step by step, and stops at the first step
/// that does not hold.
///
/// The runner is the handset: it dials through ``USSDSessionClient`` (so every aggregator rule is
/// checked on the way) and reads SMS from an ``SMSInbox`` fed by the caller's ``SMSReceiver``.
public struct DialogueRunner: Sendable {
    public var gateway: GatewayAddress
    public var line: SubscriberLine
    public var rules: AggregatorRules
    /// Values for `{name}` placeholders in steps (`msisdn`, `peer`).
    public var placeholders: [String: String]
    /// Called with each screen as it arrives, and each SMS as a step takes it (printing, progress).
    public var observer: @Sendable (DialogueEvent) -> Void

    public init(
        gateway: GatewayAddress, line: SubscriberLine, rules: AggregatorRules = AggregatorRules(),
        placeholders: [String: String] = [:], observer: @escaping @Sendable (DialogueEvent) -> Void = { _ in }
    ) {
        self.gateway = gateway
        self.line = line
        self.rules = rules
        self.placeholders = placeholders
        self.observer = observer
    }

    /// Plays `script`. `inbox` may be nil only for scripts without SMS steps. `interrupt` lets load
    /// mode abandon a session part-way (a seeded fault); it is asked before each `send`.
    public func play(
        _ script: DialogueScript, http: HTTPClient, inbox: SMSInbox?,
        interrupt: @Sendable (Int) -> StepInterruption = { _ in .none }
    ) async -> DialogueOutcome {
        var outcome = DialogueOutcome(name: script.name)
        var values = placeholders
        values["msisdn"] = values["msisdn"] ?? line.msisdn
        if let peer = script.peer { values["peer"] = values["peer"] ?? peer }
        var state = PlayState(started: .now)
        for (index, scripted) in script.steps.enumerated() {
            let failure = await run(scripted.step, index: index, state: &state, values: values, http: http, inbox: inbox, interrupt: interrupt)
            if let failure {
                outcome.failure = DialogueOutcome.Failure(
                    stepNumber: index + 1, line: scripted.line, step: scripted.step.summary,
                    expected: failure.expected, actual: failure.actual)
                break
            }
        }
        if let session = state.session, await session.isOpen { await session.abandon() }
        state.session = nil
        outcome.dialToSMS = state.dialToSMS
        outcome.firstSMSAt = state.firstSMSAt
        outcome.breach = state.breach
        return outcome
    }

    struct PlayState {
        /// When `play` began: the SMS cut-off until the first dial.
        var started: ContinuousClock.Instant
        var session: USSDSessionClient?
        var screen: USSDScreen?
        var firstDial: ContinuousClock.Instant?
        var dialToSMS: Duration?
        var firstSMSAt: ContinuousClock.Instant?
        var breach: AggregatorBreach?

        /// SMS steps only take messages that arrived from here on: from the instant the dialogue's
        /// first hop was sent, so an SMS meant for an earlier dialogue cannot pass this one.
        var smsCutOff: ContinuousClock.Instant { firstDial ?? started }
    }

    struct StepFailure {
        var expected: String
        var actual: String
    }

    private func run(
        _ step: DialogueStep, index: Int, state: inout PlayState, values: [String: String], http: HTTPClient, inbox: SMSInbox?,
        interrupt: @Sendable (Int) -> StepInterruption
    ) async -> StepFailure? {
        switch step {
        case .dial(let code):
            if let old = state.session { await old.abandon() }
            let session = USSDSessionClient(gateway: gateway, line: line, http: http, rules: rules)
            state.session = session
            if state.firstDial == nil { state.firstDial = .now }
            observer(.dialled(code))
            return await take(await session.dial(code), state: &state)
        case .send(let template):
            guard let session = state.session, await session.isOpen else {
                return StepFailure(expected: "an open session to send to", actual: describe(state.screen) + "\n(the session has ended)")
            }
            var input = Placeholders.fill(template, values)
            switch interrupt(index) {
            case .none: break
            case .abandon:
                await session.abandon()
                return StepFailure(expected: "(fault) the subscriber answers", actual: "abandoned before sending \"\(input)\"")
            case .delay(let pause): try? await Task.sleep(for: pause)
            case .replaceInput(let other): input = other
            }
            observer(.sent(input, masked: state.screen?.asksForPIN ?? false))
            return await take(await session.send(input), state: &state)
        case .expect(let pattern):
            let pattern = pattern.filled(values)
            guard let screen = state.screen, pattern.matches(screen.text) else {
                return StepFailure(expected: pattern.description, actual: describe(state.screen))
            }
            return nil
        case .expectEnd(let pattern):
            let pattern = pattern?.filled(values)
            guard let screen = state.screen, screen.isFinal, pattern?.matches(screen.text) ?? true else {
                return StepFailure(expected: "END " + (pattern?.description ?? "screen"), actual: describe(state.screen))
            }
            return nil
        case .wait(let ms):
            try? await Task.sleep(for: .milliseconds(ms))
            return nil
        case .expectSMS(let pattern, let within):
            let pattern = pattern.filled(values)
            guard let inbox else { return StepFailure(expected: "an SMS \(pattern)", actual: "(no SMSC link: give --smsc)") }
            guard let sms = await inbox.take(matching: pattern, arrivedSince: state.smsCutOff, within: .milliseconds(within)) else {
                var others = await inbox.messages.map { "SMS: " + $0.text }
                let earlier = await inbox.history.suffix(3).filter { $0.arrivedAt < state.smsCutOff }
                others += earlier.map { "SMS (before this dialogue dialled, ignored): " + $0.text }
                return StepFailure(expected: "an SMS \(pattern) within \(within) ms",
                                   actual: others.isEmpty ? "(no SMS)" : others.joined(separator: "\n"))
            }
            if state.dialToSMS == nil, let first = state.firstDial {
                state.dialToSMS = sms.arrivedAt - first
                state.firstSMSAt = sms.arrivedAt
            }
            observer(.sms(sms))
            return nil
        case .expectNoSMS(let pattern, let within):
            let pattern = pattern?.filled(values)
            guard let inbox else { return nil }
            if let sms = await inbox.take(matching: pattern, arrivedSince: state.smsCutOff, within: .milliseconds(within)) {
                return StepFailure(expected: "no SMS within \(within) ms", actual: "SMS: " + sms.text)
            }
            return nil
        }
    }

    private func take(_ outcome: HopOutcome, state: inout PlayState) async -> StepFailure? {
        switch outcome {
        case .screen(let screen):
            state.screen = screen
            observer(.screen(screen))
            return nil
        case .breach(let breach):
            state.breach = breach
            state.screen = nil
            observer(.breach(breach))
            return StepFailure(expected: "a CON or END answer within the aggregator's rules", actual: "session dropped: \(breach)")
        }
    }

    private func describe(_ screen: USSDScreen?) -> String {
        screen?.wireText ?? "(no screen)"
    }
}

/// What a load-mode fault does to the next `send`.
public enum StepInterruption: Hashable, Sendable {
    case none
    /// The subscriber walks away: the session ends `Incomplete`.
    case abandon
    /// The subscriber answers late.
    case delay(Duration)
    /// The subscriber types something else (e.g. with a `*` in it).
    case replaceInput(String)
}

/// What a runner shows as a dialogue goes on.
public enum DialogueEvent: Hashable, Sendable {
    case dialled(String)
    case screen(USSDScreen)
    case sent(String, masked: Bool)
    case sms(ReceivedSMS)
    case breach(AggregatorBreach)
}
