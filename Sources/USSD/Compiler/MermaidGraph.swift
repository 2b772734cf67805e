/// The journey as a Mermaid flowchart (`pesagate menus graph`), so reviewers see the menu as a picture.
///
/// Shapes tell kinds apart: menus are boxes, inputs parallelograms, confirms diamonds, PIN screens
/// subroutine boxes, actions stadiums and END screens circles.
public enum MermaidGraph {
    public static func render(_ menu: Menu, language: Language = .english) -> String {
        var lines = ["flowchart TD"]
        for screen in ordered(menu) {
            lines.append("    \(node(screen, language: language))")
        }
        for screen in ordered(menu) {
            for (label, target) in screen.transitions {
                let edge = edgeLabel(screen, label: label, in: menu, language: language)
                lines.append("    \(identifier(screen.id)) -->|\"\(escape(edge))\"| \(identifier(target.id))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Start screen first, then breadth-first, then anything unreachable by id: a stable order for diffs.
    static func ordered(_ menu: Menu) -> [Screen] {
        var seen: Set<ScreenID> = []
        var queue = menu.screens[menu.start] == nil ? [] : [menu.start]
        var order: [Screen] = []
        while !queue.isEmpty {
            let id = queue.removeFirst()
            guard let screen = menu.screens[id], seen.insert(id).inserted else { continue }
            order.append(screen)
            queue += screen.transitions.map(\.target.id)
        }
        return order + menu.screens.values.filter { !seen.contains($0.id) }.sorted { $0.id < $1.id }
    }

    static func node(_ screen: Screen, language: Language) -> String {
        let firstLine =
            screen.text?.template(in: language).fill { "{\($0)}" }
            .split(separator: "\n").first.map(String.init) ?? ""
        let label = escape(firstLine.isEmpty ? screen.id : "\(screen.id): \(firstLine)")
        let id = identifier(screen.id)
        switch screen.kind {
        case .menu: return "\(id)[\"\(label)\"]"
        case .input: return "\(id)[/\"\(label)\"/]"
        case .confirm: return "\(id){\"\(label)\"}"
        case .pin: return "\(id)[[\"\(label)\"]]"
        case .action(let body): return "\(id)([\"\(escape(screen.id)): \(actionName(body))\"])"
        case .end: return "\(id)((\"\(label)\"))"
        }
    }

    /// Menu options and confirm answers are labelled as the subscriber reads them (`1 Send Money`, `2 Cancel`).
    static func edgeLabel(_ screen: Screen, label: String, in menu: Menu, language: Language) -> String {
        guard let number = Int(label) else { return label }
        switch screen.kind {
        case .menu(let body) where body.options.indices.contains(number - 1):
            return "\(number) " + body.options[number - 1].label.template(in: language).fill { "{\($0)}" }
        case .confirm:
            let answer = menu.label(number == 1 ? .confirm : .cancel, in: language)
            return "\(number) " + answer.fill { "{\($0)}" }
        default:
            return label
        }
    }

    static func actionName(_ body: ActionBody) -> String {
        switch body.kind {
        case .submit(let type, _): "submit \(type)"
        case .query(let query): query.rawValue
        case .changePIN: "change PIN"
        case .setLanguage: "set language"
        }
    }

    /// Mermaid ids allow letters, digits and `_`; `send.amount` becomes `send_amount`.
    static func identifier(_ id: ScreenID) -> String {
        String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: " ")
    }
}
