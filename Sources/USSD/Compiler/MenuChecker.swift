/// The rules a menu must pass before the gateway serves it: references, reachability, a way out of every
/// flow, translations, secret PINs, declared variables and screen lengths.
public enum MenuChecker {
    public static func check(_ document: MenuDocument) -> [Diagnostic] {
        var found: [Diagnostic] = []
        found += checkSettings(document)
        found += checkGraph(document)
        found += TextChecks.translations(document.menu)
        found += TextChecks.variables(document.menu)
        found += checkSecrets(document.menu)
        found += LengthCheck.check(document.menu)
        return found.sorted()
    }

    static func checkSettings(_ document: MenuDocument) -> [Diagnostic] {
        guard let location = document.labelsLocation ?? document.settingsLocation else { return [] }
        return Menu.Label.allCases.filter { document.menu.labels[$0] == nil }.map {
            Diagnostic("'labels' of 'settings' has no label '\($0.rawValue)'", at: location)
        }
    }

    /// Dangling references, screens the start cannot reach, and screens from which no END can be reached.
    static func checkGraph(_ document: MenuDocument) -> [Diagnostic] {
        let menu = document.menu
        var found: [Diagnostic] = []
        if let location = document.startLocation, menu.screens[menu.start] == nil {
            found.append(Diagnostic("start screen '\(menu.start)' does not exist", at: location))
        }
        for screen in menu.screens.values {
            for (_, target) in screen.transitions where menu.screens[target.id] == nil {
                found.append(
                    Diagnostic("screen '\(screen.id)' refers to missing screen '\(target.id)'", at: target.location))
            }
        }
        guard menu.screens[menu.start] != nil else { return found }
        let reachable = reach(from: [menu.start], in: menu, forward: true)
        let endings = menu.screens.values.filter { $0.kind == .end }.map(\.id)
        let canEnd = reach(from: endings, in: menu, forward: false)
        for screen in menu.screens.values {
            if !reachable.contains(screen.id) {
                found.append(
                    Diagnostic("screen '\(screen.id)' is unreachable from '\(menu.start)'", at: screen.location))
            } else if !canEnd.contains(screen.id) {
                found.append(Diagnostic("screen '\(screen.id)' cannot reach an end screen", at: screen.location))
            }
        }
        return found
    }

    /// Screens reachable from `roots` following transitions forward, or backward (which screens lead to them).
    static func reach(from roots: [ScreenID], in menu: Menu, forward: Bool) -> Set<ScreenID> {
        var edges: [ScreenID: [ScreenID]] = [:]
        for screen in menu.screens.values {
            for (_, target) in screen.transitions where menu.screens[target.id] != nil {
                if forward {
                    edges[screen.id, default: []].append(target.id)
                } else {
                    edges[target.id, default: []].append(screen.id)
                }
            }
        }
        var seen = Set(roots)
        var queue = roots
        while let next = queue.popLast() {
            for neighbour in edges[next] ?? [] where seen.insert(neighbour).inserted {
                queue.append(neighbour)
            }
        }
        return seen
    }

    /// A PIN typed on a screen not marked secret would be kept and shown like any other input.
    static func checkSecrets(_ menu: Menu) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var secretStores: Set<String> = []
        for screen in menu.screens.values {
            switch screen.kind {
            case .pin where !screen.secret:
                found.append(Diagnostic("PIN screen '\(screen.id)' must be marked secret: true", at: screen.location))
            case .input(let body):
                if case .pin = body.rule.kind, !screen.secret {
                    found.append(
                        Diagnostic("PIN input '\(screen.id)' must be marked secret: true", at: screen.location))
                }
                if screen.secret { secretStores.insert(body.store) }
            default:
                break
            }
        }
        for screen in menu.screens.values {
            guard let text = screen.text else { continue }
            for (language, template) in text.translations {
                for name in Set(template.variables).intersection(secretStores).sorted() {
                    found.append(
                        Diagnostic("screen '\(screen.id)' shows secret '\(name)'", at: text.location(of: language)))
                }
            }
        }
        return found
    }
}
