/// Lays a screen out as pages of lines, before any value is filled in.
///
/// The compiler measures these templates at the variables' declared widths and the engine fills the very same
/// templates, so what was proven to fit is what is shown.
struct ScreenLayout {
    /// One page: what the screen says, then its navigation lines (`98 More`, `0 Back`).
    struct Page: Hashable {
        var content: [Template]
        var navigation: [Template]

        var template: Template { .lines(content + navigation) }

        /// The page with an error or notice line on top ("Invalid choice.", "Wrong PIN...").
        func prefixed(by line: Template?) -> Page {
            guard let line else { return self }
            return Page(content: [line] + content, navigation: navigation)
        }
    }

    let menu: Menu
    let language: Language

    var moreLine: Template { .literal("98 ") + menu.label(.more, in: language) }
    var backLine: Template { .literal("0 ") + menu.label(.back, in: language) }

    /// The pages of `screen`; empty for actions, which show nothing.
    func pages(of screen: Screen) -> [Page] {
        let text = screen.text?.template(in: language) ?? .literal("")
        let back = screen.back ? [backLine] : []
        switch screen.kind {
        case .menu(let body):
            return menuPages(screen: screen, title: text, body: body)
        case .input, .pin:
            return [Page(content: [text], navigation: back)]
        case .confirm:
            let confirm = Template.literal("1 ") + menu.label(.confirm, in: language)
            let cancel = Template.literal("2 ") + menu.label(.cancel, in: language)
            return [Page(content: [text, confirm, cancel], navigation: back)]
        case .end:
            return [Page(content: [text], navigation: [])]
        case .action:
            return []
        }
    }

    /// The line put on top of a screen after input it could not accept, if that kind of screen has one.
    func errorLine(for screen: Screen) -> Template? {
        switch screen.kind {
        case .menu, .confirm: menu.label(.invalidChoice, in: language)
        case .input(let body): body.error.template(in: language)
        case .pin: menu.label(.wrongPin, in: language)
        case .action, .end: nil
        }
    }

    private func menuPages(screen: Screen, title: Template, body: MenuBody) -> [Page] {
        let lines = body.options.enumerated().map { index, option in
            Template.literal("\(index + 1) ") + option.label.template(in: language)
        }
        let size = max(1, body.pageSize ?? max(1, lines.count))
        let chunks = stride(from: 0, to: max(lines.count, 1), by: size).map {
            Array(lines[$0..<min($0 + size, lines.count)])
        }
        return chunks.enumerated().map { index, chunk in
            var navigation: [Template] = []
            if index < chunks.count - 1 { navigation.append(moreLine) }
            if index > 0 || screen.back { navigation.append(backLine) }
            return Page(content: index == 0 ? [title] + chunk : chunk, navigation: navigation)
        }
    }
}
