/// Checks on every text a subscriber can see: all translations present, all variables declared with an
/// honest width.
enum TextChecks {
    /// Every translated text of the menu with a name for messages.
    static func texts(of menu: Menu) -> [(what: String, text: LocalizedText)] {
        var all: [(String, LocalizedText)] = []
        for label in Menu.Label.allCases {
            if let text = menu.labels[label] { all.append(("label '\(label.rawValue)'", text)) }
        }
        for screen in menu.screens.values.sorted(by: { $0.id < $1.id }) {
            if let text = screen.text { all.append(("text of screen '\(screen.id)'", text)) }
            switch screen.kind {
            case .menu(let body):
                for (index, option) in body.options.enumerated() {
                    all.append(("label of option \(index + 1) of screen '\(screen.id)'", option.label))
                }
            case .input(let body):
                all.append(("error of screen '\(screen.id)'", body.error))
            default:
                break
            }
        }
        return all
    }

    static func translations(_ menu: Menu) -> [Diagnostic] {
        guard !menu.languages.isEmpty else { return [] }
        var found: [Diagnostic] = []
        for (what, text) in texts(of: menu) {
            for language in menu.languages where text.translations[language] == nil && text.lines[language] == nil {
                found.append(Diagnostic("\(what) has no '\(language)' translation", at: text.location))
            }
            for language in text.lines.keys.sorted() where !menu.languages.contains(language) {
                found.append(
                    Diagnostic(
                        "\(what) has a '\(language)' translation, but 'languages' does not list it",
                        at: text.location(of: language)))
            }
        }
        return found
    }

    static func variables(_ menu: Menu) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (what, text) in texts(of: menu) {
            var reported: Set<String> = []
            for language in text.translations.keys.sorted() {
                for name in text.translations[language]?.variables ?? [] where menu.variables[name] == nil {
                    guard reported.insert(name).inserted else { continue }
                    found.append(
                        Diagnostic("\(what) uses undeclared variable '\(name)'", at: text.location(of: language)))
                }
            }
        }
        for screen in menu.screens.values where !screen.secret {
            guard case .input(let body) = screen.kind, let spec = menu.variables[body.store],
                let width = body.rule.displayWidth(format: spec.format), width > spec.maxWidth
            else { continue }
            let message =
                "input '\(screen.id)' can store \(width) characters in '\(body.store)', "
                + "more than its maxWidth \(spec.maxWidth)"
            found.append(Diagnostic(message, at: screen.location))
        }
        return found
    }
}
