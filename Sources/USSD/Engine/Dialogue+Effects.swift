extension Dialogue {
    /// The adapter's answer to the effect in flight. An answer that does not fit the effect is the adapter's
    /// bug; the subscriber gets a clean END rather than a guess.
    mutating func handle(_ answer: EffectAnswer) -> DialogueStep {
        if isFinished { return finishedStep() }
        guard let waiting = awaiting, let screen = menu.screens[current] else { return close(with: .unavailable) }
        awaiting = nil
        switch (waiting, answer, screen.kind) {
        case (.lookup, .name(let name), .confirm(let body)):
            guard let lookup = body.lookup else { return close(with: .unavailable) }
            if let name, !name.isEmpty {
                variables[lookup.into] = name
            } else if let unknown = lookup.ifUnknown {
                return enter(unknown.id)
            } else {
                variables[lookup.into] = variables[lookup.key]
            }
            return quoteOrShow(screen, body)
        case (.quote, .fee(let fee), .confirm(let body)):
            guard let quote = body.quote else { return close(with: .unavailable) }
            variables[quote.into] = String(fee)
            return render(screen)
        case (.pin, .pinAccepted, .pin(let body)):
            return advance(to: body.next)
        case (.pin, .pinRejected(let attemptsLeft), .pin) where attemptsLeft > 0:
            variables["attemptsLeft"] = String(attemptsLeft)
            stopReplay = true
            return render(screen, error: menu.label(.wrongPin, in: language))
        case (.pin, .pinLocked(let minutes), .pin):
            variables["lockMinutes"] = String(minutes)
            return close(with: .pinLocked)
        case (.action, _, .action(let body)):
            return finish(body, with: answer)
        default:
            return close(with: .unavailable)
        }
    }

    /// Hands out an action's effect. The payment's fields are read from session variables only.
    mutating func perform(_ body: ActionBody) -> DialogueStep {
        let effect: DialogueEffect
        switch body.kind {
        case .submit(let transactionType, let fields):
            var values: [String: String] = [:]
            for (field, variable) in fields {
                guard let value = variables[variable] else { return close(with: .unavailable) }
                values[field] = value
            }
            effect = .submitPayment(PaymentIntent(transactionType: transactionType, fields: values))
        case .query(let query):
            effect = .query(query)
        case .changePIN(let from):
            guard let pin = secrets[from] else { return close(with: .unavailable) }
            secrets.removeAll()
            effect = .changePIN(newPIN: pin)
        case .setLanguage(let from):
            guard let raw = variables[from], menu.languages.contains(Language(rawValue: raw)) else {
                return close(with: .unavailable)
            }
            effect = .setLanguage(Language(rawValue: raw))
        }
        awaiting = .action
        return .effect(effect)
    }

    private mutating func finish(_ body: ActionBody, with answer: EffectAnswer) -> DialogueStep {
        switch answer {
        case .succeeded(let values):
            variables.merge(values) { $1 }
            if case .setLanguage(let from) = body.kind, let raw = variables[from] {
                language = Language(rawValue: raw)
            }
            return enter(body.next.id)
        case .failed(let values):
            variables.merge(values) { $1 }
            return enter(body.failed.id)
        case .uncertain(let values):
            variables.merge(values) { $1 }
            return enter((body.uncertain ?? body.failed).id)
        default:
            return close(with: .unavailable)
        }
    }
}
