import Yams

/// Reads the parts of one dialogue file, turning each mistake into a ``DialogueScriptError`` with its line.
struct NodeReader {
    let file: String

    static let stepNames = ["dial", "expect", "send", "wait", "expect-sms", "expect-no-sms", "expect-end"]

    func error(_ node: Node, _ message: String) -> DialogueScriptError {
        DialogueScriptError(file: file, line: node.mark?.line, message: message)
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard let scalar = node.scalar else { throw error(node, "`\(what)` must be a single value") }
        return scalar.string
    }

    func milliseconds(_ node: Node, _ what: String) throws -> Int {
        guard let value = node.scalar.flatMap({ Int($0.string) }), value >= 0 else {
            throw error(node, "`\(what)` is a whole number of milliseconds")
        }
        return value
    }

    /// `{msisdn: "2547…", name: "…", lang: en, balance: 10000, pin: "1234"}`.
    func account(_ node: Node) throws -> ScriptAccount {
        guard let mapping = node.mapping else { throw error(node, "an account is a mapping with msisdn, name, balance") }
        let known = ["msisdn", "name", "lang", "balance", "pin"]
        for key in mapping.keys where !known.contains(key.string ?? "") {
            throw error(key, "unknown account key `\(key.string ?? "?")` (known: \(known.joined(separator: ", ")))")
        }
        guard let msisdn = mapping["msisdn"]?.scalar?.string, let name = mapping["name"]?.scalar?.string,
              let balance = mapping["balance"]?.scalar.flatMap({ Int($0.string) }) else {
            throw error(node, "an account needs msisdn, name and a whole-shilling balance")
        }
        return ScriptAccount(
            msisdn: msisdn, name: name, lang: mapping["lang"]?.scalar?.string ?? "en", balance: balance,
            pin: mapping["pin"]?.scalar?.string ?? "1234")
    }

    /// `- expect-end` alone, or `- name: value`.
    func step(_ node: Node) throws -> ScriptStep {
        let line = node.mark?.line ?? 0
        if let bare = node.scalar?.string {
            switch bare {
            case "expect-end": return ScriptStep(.expectEnd(nil), line: line)
            case "dial": return ScriptStep(.dial(DialogueScript.defaultCode), line: line)
            default: throw error(node, unknownStep(bare))
            }
        }
        guard let mapping = node.mapping, mapping.count == 1, let (key, value) = mapping.first.map({ ($0.key, $0.value) }),
              let name = key.string else {
            throw error(node, "each step is one of \(Self.stepNames.joined(separator: ", ")), e.g. `- send: \"1\"`")
        }
        switch name {
        case "dial":
            let code = value.scalar?.string ?? ""
            return ScriptStep(.dial(code.isEmpty ? DialogueScript.defaultCode : code), line: line)
        case "expect": return ScriptStep(.expect(try pattern(value, regexOnly: false)), line: line)
        case "send": return ScriptStep(.send(try string(value, "send")), line: line)
        case "wait": return ScriptStep(.wait(milliseconds: try milliseconds(value, "wait")), line: line)
        case "expect-sms":
            let (pattern, within) = try smsExpectation(value, requirePattern: true)
            guard let pattern else { throw error(value, "`expect-sms` needs a regular expression") }
            return ScriptStep(.expectSMS(pattern, withinMillis: within), line: line)
        case "expect-no-sms":
            let (pattern, within) = try smsExpectation(value, requirePattern: false)
            return ScriptStep(.expectNoSMS(pattern, withinMillis: within), line: line)
        case "expect-end":
            if value.scalar?.string.isEmpty ?? false { return ScriptStep(.expectEnd(nil), line: line) }
            return ScriptStep(.expectEnd(try pattern(value, regexOnly: false)), line: line)
        default:
            throw error(key, unknownStep(name))
        }
    }

    private func unknownStep(_ name: String) -> String {
        "unknown step `\(name)` (steps: \(Self.stepNames.joined(separator: ", ")))"
    }

    /// A plain string is a substring (a regex for SMS steps); `{regex: ...}` is a regular expression.
    private func pattern(_ node: Node, regexOnly: Bool) throws -> TextPattern {
        if let text = node.scalar?.string {
            return regexOnly ? try regex(text, node) : .substring(text)
        }
        guard let mapping = node.mapping, let source = mapping["regex"]?.scalar?.string else {
            throw error(node, "expected a string or `{regex: \"...\"}`")
        }
        return try regex(source, node)
    }

    private func regex(_ source: String, _ node: Node) throws -> TextPattern {
        do {
            return try TextPattern.validRegex(source)
        } catch {
            throw self.error(node, "bad regular expression /\(source)/: \(error)")
        }
    }

    /// `expect-sms: "regex"`, or `{regex: "...", within: 5000}`; `expect-no-sms: 3000` or `{within: 3000}`.
    private func smsExpectation(_ node: Node, requirePattern: Bool) throws -> (TextPattern?, Int) {
        if let text = node.scalar?.string {
            if !requirePattern, let ms = Int(text) { return (nil, ms) }
            if !requirePattern, text.isEmpty { return (nil, DialogueScript.defaultSMSWait) }
            return (try regex(text, node), DialogueScript.defaultSMSWait)
        }
        guard let mapping = node.mapping else { throw error(node, "expected a regular expression or `{regex:, within:}`") }
        for key in mapping.keys where !["regex", "within"].contains(key.string ?? "") {
            throw error(key, "unknown key `\(key.string ?? "?")` (known: regex, within)")
        }
        let pattern = try mapping["regex"].map { try regex(try string($0, "regex"), $0) }
        let within = try mapping["within"].map { try milliseconds($0, "within") } ?? DialogueScript.defaultSMSWait
        return (pattern, within)
    }
}
