import Yams

/// Reads translated texts and templates out of YAML nodes.
enum TextReader {
    /// `{en: "Enter amount", sw: "Weka kiasi"}`, each translation parsed as a `Template`.
    static func localized(_ node: Node, what: String, log: DiagnosticLog) -> LocalizedText? {
        guard case .mapping(let mapping) = node else {
            log.report("\(what) must map each language to its text, e.g. {en: ..., sw: ...}", at: node)
            return nil
        }
        var translations: [Language: Template] = [:]
        var lines: [Language: Int] = [:]
        for (key, value) in mapping {
            guard let code = key.scalar?.string, let text = value.scalar?.string else {
                log.report("\(what) must map each language to its text, e.g. {en: ..., sw: ...}", at: key)
                continue
            }
            let language = Language(rawValue: code)
            lines[language] = value.mark?.line ?? key.mark?.line
            if let template = template(text, what: "\(what) (\(code))", at: value, log: log) {
                translations[language] = template
            }
        }
        return LocalizedText(translations: translations, location: log.location(of: node), lines: lines)
    }

    static func template(_ text: String, what: String, at node: Node, log: DiagnosticLog) -> Template? {
        do {
            return try Template.parse(text)
        } catch {
            let problem =
                switch error {
                case .unclosedBrace: "has a '{' without a matching '}' around a variable name"
                case .emptyName: "has an empty variable name '{}'"
                case .strayClosingBrace: "has a '}' without a matching '{'"
                }
            log.report("\(what) \(problem)", at: node)
            return nil
        }
    }
}
