import Foundation
import Payments
import USSD

extension USSDSession {
    /// The session's first hop: the subscriber's language from the ledger, then either the Pending offer (a
    /// plain redial within the resume window) or the menu, with digits dialled after the code replayed.
    func start(replay: [String]) async -> USSDReply {
        let texts = services.texts
        let now = services.now()
        guard let subscriber = try? services.ledger.subscriber(msisdn) else {
            trail.start(replay: replay, secretIndexes: Set(replay.indices))
            return .end(texts.text(texts.notRegistered, language))
        }
        let language = Language(rawValue: subscriber.language.rawValue)
        region = subscriber.region
        if replay.isEmpty, var pendingDraft = services.pending.take(for: msisdn, now: now) {
            pendingDraft.language = language
            offer = pendingDraft
            trail.start(replay: [], secretIndexes: [])
            return .con(pendingText(pendingDraft))
        }
        dialogue = Dialogue(menu: services.menu, language: language, variables: ["msisdn": msisdn.value])
        fedInputs = replay
        let reply = await run(dialogue!.start(prefilledInputs: replay))
        // Replayed inputs the dialogue never reached (it stopped at a rejected one) may hold anything: treat
        // them as secret, so they are only ever kept as a length.
        let consumed = dialogue?.inputCount ?? 0
        let secret = (dialogue?.secretInputIndexes ?? []).union(consumed < replay.count ? Set(consumed..<replay.count) : [])
        let inReplay = secret.filter { $0 < replay.count }
        trail.start(replay: replay, secretIndexes: inReplay)
        secretTextIndexes = inReplay
        return reply
    }

    /// A later hop's new input.
    func receive(_ input: String) async -> USSDReply {
        if offer != nil { return await answerOffer(input) }
        guard dialogue != nil else {
            trail.append(input, secret: true)
            return .end(services.texts.text(services.texts.unavailable, language))
        }
        let index = dialogue!.inputCount
        fedInputs.append(input)
        let step = dialogue!.receive(input)
        let secret = dialogue!.secretInputIndexes.contains(index)
        trail.append(input, secret: secret)
        if secret { secretTextIndexes.insert(trail.count - 1) }
        return await run(step)
    }

    /// Drives the dialogue through its effects to the next screen.
    func run(_ first: DialogueStep) async -> USSDReply {
        var step = first
        while case .effect(let effect) = step {
            scrubSecrets()
            let answer = await perform(effect)
            step = dialogue!.resume(with: answer)
        }
        scrubSecrets()
        switch step {
        case .con(let text): return .con(text)
        case .end(let text): return .end(text)
        case .effect: return .end(services.texts.text(services.texts.unavailable, language))
        }
    }

    /// Masks every input the dialogue has marked secret: PINs leave `fedInputs` as soon as they are known.
    private func scrubSecrets() {
        for index in dialogue?.secretInputIndexes ?? [] where fedInputs.indices.contains(index) {
            fedInputs[index] = Redaction.mask
        }
    }

    // MARK: Pending offer

    func pendingText(_ draft: PaymentDraft) -> String {
        let texts = services.texts
        let phrases = texts.pendingWhat[draft.language] ?? texts.pendingWhat[.english] ?? [:]
        let what = (phrases[draft.transactionType] ?? phrases["P2P_TRANSFER"] ?? "Ksh{amount} {name}")
            .replacingOccurrences(of: "{amount}", with: Self.grouped(draft.amount))
            .replacingOccurrences(of: "{name}", with: draft.payee.isEmpty ? msisdn.value : draft.payee)
        return texts.text(texts.pending, draft.language).replacingOccurrences(of: "{what}", with: what)
    }

    /// `1` brings the payment back to its PIN screen (the confirm screen's inputs replayed, then `1`), `2` drops
    /// it, anything else shows the offer again. The transaction id stays the draft's.
    private func answerOffer(_ input: String) async -> USSDReply {
        trail.append(input, secret: false)
        guard let pendingDraft = offer else { return .end(services.texts.text(services.texts.unavailable, language)) }
        switch input {
        case "1":
            offer = nil
            draft = pendingDraft
            dialogue = Dialogue(
                menu: services.menu, language: pendingDraft.language, variables: ["msisdn": msisdn.value])
            fedInputs = pendingDraft.inputs + ["1"]
            return await run(dialogue!.start(prefilledInputs: fedInputs))
        case "2":
            offer = nil
            draft = nil
            return .end(services.texts.text(services.texts.pendingCancelled, pendingDraft.language))
        default:
            return .con(pendingText(pendingDraft))
        }
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
