extension Dialogue {
    /// One input on the current screen: paging and back first (only where the screen offers them), then what
    /// the screen itself does with it.
    mutating func handle(_ input: String) -> DialogueStep {
        if isFinished { return finishedStep() }
        guard awaiting == nil, let screen = menu.screens[current] else { return close(with: .unavailable) }
        let index = inputCount
        inputCount += 1
        if screen.secret { secretInputIndexes.insert(index) }

        if input == "98", page < pages.count - 1 {
            page += 1
            return currentStep()
        }
        if input == "0" {
            if page > 0 {
                page -= 1
                return currentStep()
            }
            if screen.back, let previous = history.popLast(), let target = menu.screens[previous] {
                current = previous
                return render(target)
            }
        }
        switch screen.kind {
        case .menu(let body):
            return choose(input, from: body, on: screen)
        case .input(let body):
            return accept(input, for: body, on: screen)
        case .confirm(let body):
            if input == "1" { return advance(to: body.accept) }
            if input == "2" { return advance(to: body.cancel) }
            return rejectInput(on: screen)
        case .pin:
            awaiting = .pin
            return .effect(.verifyPIN(PIN(input)))
        case .end:
            return currentStep()
        case .action:
            return close(with: .unavailable)
        }
    }

    private mutating func choose(_ input: String, from body: MenuBody, on screen: Screen) -> DialogueStep {
        guard input.count <= 3, input.allSatisfy(\.isASCIIDigitCharacter), let number = Int(input),
            body.options.indices.contains(number - 1)
        else { return rejectInput(on: screen) }
        let option = body.options[number - 1]
        let known = variables
        for (name, value) in option.assignments {
            variables[name] = value.fill { known[$0] ?? "" }
        }
        return advance(to: option.next)
    }

    private mutating func accept(_ input: String, for body: InputBody, on screen: Screen) -> DialogueStep {
        guard let value = body.rule.normalise(input), matches(value, sameAs: body.rule.sameAs) else {
            return rejectInput(on: screen)
        }
        if screen.secret {
            secrets[body.store] = PIN(value)
        } else {
            variables[body.store] = value
        }
        return advance(to: body.next)
    }

    private func matches(_ value: String, sameAs name: String?) -> Bool {
        guard let name else { return true }
        if let secret = secrets[name] { return secret.withDigits { $0 == value } }
        return variables[name] == value
    }

    /// The same screen again, with the screen's error line on top, on the page the subscriber was on.
    private mutating func rejectInput(on screen: Screen) -> DialogueStep {
        let layout = ScreenLayout(menu: menu, language: language)
        let logical = pages.indices.contains(page) ? pages[page].logicalPage : 0
        return render(screen, error: layout.errorLine(for: screen), logicalPage: logical)
    }

    /// Moves forward, remembering the screen shown for `0 Back`.
    mutating func advance(to target: ScreenRef) -> DialogueStep {
        if let shown = menu.screens[current], shown.text != nil {
            history.append(current)
            if history.count > Self.historyLimit { history.removeFirst() }
        }
        return enter(target.id)
    }

    /// Arrives at a screen: confirm screens first ask for their look-ups, actions hand out their effect.
    mutating func enter(_ id: ScreenID) -> DialogueStep {
        guard let screen = menu.screens[id] else { return close(with: .unavailable) }
        current = id
        switch screen.kind {
        case .confirm(let body):
            if let lookup = body.lookup {
                guard let number = variables[lookup.key] else { return close(with: .unavailable) }
                awaiting = .lookup
                return .effect(.lookupName(recipient: lookup.recipient, number: number))
            }
            return quoteOrShow(screen, body)
        case .action(let body):
            return perform(body)
        default:
            return render(screen)
        }
    }

    mutating func quoteOrShow(_ screen: Screen, _ body: ConfirmBody) -> DialogueStep {
        guard let quote = body.quote else { return render(screen) }
        guard let amount = variables[quote.amount].flatMap({ Int($0) }) else { return close(with: .unavailable) }
        awaiting = .quote
        return .effect(.quoteFee(transactionType: quote.transactionType, amount: amount))
    }
}
