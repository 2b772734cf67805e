import Yams

/// Reads action screens (`submit`, `query`, `changePIN`, `setLanguage`) and input validation rules.
enum ActionReader {
    static let actionKeys = ["submit", "query", "changePIN", "setLanguage"]

    static func read(_ fields: inout YAMLFields, what: String) -> ActionBody? {
        let log = fields.log
        let present = actionKeys.compactMap { key in fields.value(key).map { (key, $0) } }
        guard present.count == 1, let (key, node) = present.first else {
            log.report("\(what) needs exactly one of \(actionKeys.joined(separator: ", "))", at: fields.node)
            return nil
        }
        let next = fields.ref("next")
        let failed = fields.ref("failed")
        let uncertain = fields.ref("uncertain", required: key == "submit")
        let kind: ActionBody.Kind?
        switch key {
        case "submit": kind = submit(node, what: "'submit' of \(what)", log: log)
        case "query":
            let name = node.scalar?.string ?? ""
            kind = AccountQuery(rawValue: name).map(ActionBody.Kind.query)
            if kind == nil {
                let known = AccountQuery.allCases.map(\.rawValue).joined(separator: ", ")
                log.report("'query' of \(what) must be one of \(known)", at: node)
            }
        default:
            guard var entry = YAMLFields(node, what: "'\(key)' of \(what)", log: log) else { return nil }
            let from = entry.string("from", required: true)
            entry.finish()
            kind = from.map { key == "changePIN" ? .changePIN(from: $0) : .setLanguage(from: $0) }
        }
        guard let kind, let next, let failed else { return nil }
        return ActionBody(kind: kind, next: next, failed: failed, uncertain: uncertain)
    }

    private static func submit(_ node: Node, what: String, log: DiagnosticLog) -> ActionBody.Kind? {
        guard var entry = YAMLFields(node, what: what, log: log) else { return nil }
        defer { entry.finish() }
        let type = entry.string("transactionType", required: true)
        var fields: [String: String] = [:]
        if let map = entry.value("fields", required: true),
            let pairs = YAMLFields(map, what: "fields of \(what)", log: log)
        {
            for pair in pairs.all {
                guard let variable = pair.value.scalar?.string, !variable.isEmpty else {
                    log.report("field '\(pair.key)' of \(what) must name a session variable", at: pair.value)
                    continue
                }
                fields[pair.key] = variable
            }
            if fields["amount"] == nil {
                log.report("fields of \(what) must map 'amount'", at: map)
            }
        }
        guard let type, fields["amount"] != nil else { return nil }
        return .submit(transactionType: type, fields: fields)
    }

    static let ruleTypes = ["msisdn", "amount", "digits", "text", "pin"]

    /// `validate: {type: amount, min: 10, max: 250000}` and friends.
    static func rule(_ node: Node, what: String, log: DiagnosticLog) -> InputRule? {
        guard var fields = YAMLFields(node, what: what, log: log) else { return nil }
        defer { fields.finish() }
        let sameAs = fields.string("sameAs")
        guard let type = fields.string("type", required: true) else { return nil }
        let kind: InputRule.Kind?
        switch type {
        case "msisdn":
            kind = .msisdn
        case "amount":
            let min = fields.int("min", required: true, minimum: 1)
            let max = fields.int("max", required: true, minimum: 1)
            kind = zip(min, max).map { InputRule.Kind.amount(min: $0, max: $1) }
        case "digits", "text":
            let minLength = fields.int("minLength", minimum: 1) ?? 1
            let maxLength = fields.int("maxLength", required: true, minimum: 1)
            kind = maxLength.map {
                type == "digits"
                    ? .digits(minLength: minLength, maxLength: $0) : .text(minLength: minLength, maxLength: $0)
            }
        case "pin":
            kind = .pin(length: fields.int("length", minimum: 1) ?? 4)
        default:
            log.report("\(what) has unknown type '\(type)' (use \(ruleTypes.joined(separator: ", ")))", at: node)
            kind = nil
        }
        if let kind, !rangeIsSane(kind) {
            log.report("\(what) has a minimum above its maximum", at: node)
            return nil
        }
        return kind.map { InputRule(kind: $0, sameAs: sameAs) }
    }

    private static func zip(_ a: Int?, _ b: Int?) -> (Int, Int)? {
        guard let a, let b else { return nil }
        return (a, b)
    }

    private static func rangeIsSane(_ kind: InputRule.Kind) -> Bool {
        switch kind {
        case .amount(let min, let max): min <= max
        case .digits(let min, let max), .text(let min, let max): min <= max
        case .msisdn, .pin: true
        }
    }
}
