/// Proves that no screen can run over the network's limit: every page of every screen, in every language,
/// with every error line it can carry, measured with each variable at its declared maximum width.
enum LengthCheck {
    static func check(_ menu: Menu) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let width = { (name: String) in menu.variables[name]?.maxWidth ?? 0 }
        for language in menu.languages {
            let layout = ScreenLayout(menu: menu, language: language)
            for screen in menu.screens.values {
                guard let text = screen.text else { continue }
                let error = layout.errorLine(for: screen)
                let variants = layout.pages(of: screen).flatMap { page in
                    [page.template] + (error.map { [page.prefixed(by: $0).template] } ?? [])
                }
                if let worst = longest(variants, width: width), !worst.fits {
                    let message = "screen '\(screen.id)' (\(language)) can reach \(worst)\(hint(worst))"
                    found.append(Diagnostic(message, at: text.location(of: language)))
                }
            }
            for label in [Menu.Label.pinLocked, .unavailable] {
                guard let text = menu.labels[label] else { continue }
                let worst = ScreenLength.worstCase(of: text.template(in: language), width: width)
                if !worst.fits {
                    let message = "label '\(label.rawValue)' (\(language)) can reach \(worst)\(hint(worst))"
                    found.append(Diagnostic(message, at: text.location(of: language)))
                }
            }
        }
        return found
    }

    private static func longest(_ templates: [Template], width: (String) -> Int) -> ScreenLength? {
        templates.map { ScreenLength.worstCase(of: $0, width: width) }.max { lhs, rhs in
            (lhs.count - lhs.limit) < (rhs.count - rhs.limit)
        }
    }

    private static func hint(_ length: ScreenLength) -> String {
        length.isGSM7 ? "" : " (a character outside GSM-7 makes the screen UCS-2)"
    }
}
