import Yams

/// Turns one `screens:` entry into a `Screen`, reporting what is missing, misspelt or of the wrong type.
enum ScreenReader {
    static let kinds = ["menu", "input", "confirm", "pin", "action", "end"]

    static func read(id: ScreenID, keyNode: Node, value: Node, log: DiagnosticLog) -> Screen? {
        let what = "screen '\(id)'"
        guard var fields = YAMLFields(value, what: what, log: log) else { return nil }
        defer { fields.finish() }
        guard let kindName = fields.string("kind", required: true) else {
            fields.ignoreRest()
            return nil
        }
        guard kinds.contains(kindName) else {
            fields.ignoreRest()
            log.report("\(what) has unknown kind '\(kindName)' (use \(kinds.joined(separator: ", ")))", at: value)
            return nil
        }
        let location = log.location(of: keyNode)
        if kindName == "action" {
            guard let body = ActionReader.read(&fields, what: what) else { return nil }
            return Screen(id: id, kind: .action(body), text: nil, location: location)
        }
        let text = fields.value("text", required: true).flatMap {
            TextReader.localized($0, what: "text of \(what)", log: log)
        }
        let back = fields.bool("back")
        let secret = fields.bool("secret")
        let kind: Screen.Kind?
        switch kindName {
        case "menu": kind = menu(&fields, what: what, log: log).map(Screen.Kind.menu)
        case "input": kind = input(&fields, what: what, log: log).map(Screen.Kind.input)
        case "confirm": kind = confirm(&fields, what: what, log: log).map(Screen.Kind.confirm)
        case "pin": kind = fields.ref("next").map { .pin(PinBody(next: $0)) }
        default: kind = .end
        }
        guard let kind, let text else { return nil }
        return Screen(id: id, kind: kind, text: text, back: back, secret: secret, location: location)
    }

    private static func menu(_ fields: inout YAMLFields, what: String, log: DiagnosticLog) -> MenuBody? {
        let pageSize = fields.int("pageSize", minimum: 1)
        guard let list = fields.value("options", required: true) else { return nil }
        guard case .sequence(let items) = list, !items.isEmpty else {
            log.report("'options' of \(what) must be a list of options", at: list)
            return nil
        }
        var options: [MenuOption] = []
        for (index, item) in items.enumerated() {
            let optionWhat = "option \(index + 1) of \(what)"
            guard var option = YAMLFields(item, what: optionWhat, log: log) else { return nil }
            defer { option.finish() }
            let label = option.value("label", required: true).flatMap {
                TextReader.localized($0, what: "label of \(optionWhat)", log: log)
            }
            let next = option.ref("next")
            var assignments: [String: Template] = [:]
            if let set = option.value("set"), let pairs = YAMLFields(set, what: "'set' of \(optionWhat)", log: log) {
                for entry in pairs.all {
                    guard let text = entry.value.scalar?.string else {
                        log.report("'set' of \(optionWhat) must map variables to text", at: entry.value)
                        continue
                    }
                    let parsed = TextReader.template(text, what: "'set' of \(optionWhat)", at: entry.value, log: log)
                    assignments[entry.key] = parsed
                }
            }
            guard let label, let next else { return nil }
            options.append(MenuOption(label: label, next: next, assignments: assignments))
        }
        return MenuBody(options: options, pageSize: pageSize)
    }

    private static func input(_ fields: inout YAMLFields, what: String, log: DiagnosticLog) -> InputBody? {
        let rule = fields.value("validate", required: true).flatMap {
            ActionReader.rule($0, what: "'validate' of \(what)", log: log)
        }
        let error = fields.value("error", required: true).flatMap {
            TextReader.localized($0, what: "error of \(what)", log: log)
        }
        let store = fields.string("store", required: true)
        let next = fields.ref("next")
        guard let rule, let error, let store, let next else { return nil }
        return InputBody(rule: rule, error: error, store: store, next: next)
    }

    private static func confirm(_ fields: inout YAMLFields, what: String, log: DiagnosticLog) -> ConfirmBody? {
        let accept = fields.ref("accept")
        let cancel = fields.ref("cancel")
        var lookup: Lookup?
        if let node = fields.value("lookup"), var entry = YAMLFields(node, what: "'lookup' of \(what)", log: log) {
            let recipient = entry.string("recipient", required: true)
            let kind = recipient.flatMap(RecipientKind.init(rawValue:))
            if let recipient, kind == nil {
                let known = RecipientKind.allCases.map(\.rawValue).joined(separator: ", ")
                log.report("'lookup' of \(what) has unknown recipient '\(recipient)' (use \(known))", at: node)
            }
            let key = entry.string("key", required: true)
            let into = entry.string("into", required: true)
            let ifUnknown = entry.ref("ifUnknown", required: false)
            entry.finish()
            if let kind, let key, let into {
                lookup = Lookup(recipient: kind, key: key, into: into, ifUnknown: ifUnknown)
            }
        }
        var quote: Quote?
        if let node = fields.value("quote"), var entry = YAMLFields(node, what: "'quote' of \(what)", log: log) {
            let type = entry.string("transactionType", required: true)
            let amount = entry.string("amount", required: true)
            let into = entry.string("into", required: true)
            entry.finish()
            if let type, let amount, let into { quote = Quote(transactionType: type, amount: amount, into: into) }
        }
        guard let accept, let cancel else { return nil }
        return ConfirmBody(accept: accept, cancel: cancel, lookup: lookup, quote: quote)
    }
}
