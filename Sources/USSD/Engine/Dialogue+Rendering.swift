import GSM0338

extension Dialogue {
    /// Fills `screen` and splits it into the pages the subscriber can step through; returns the page to show.
    mutating func render(_ screen: Screen, error: Template? = nil, logicalPage: Int = 0) -> DialogueStep {
        let layout = ScreenLayout(menu: menu, language: language)
        let paginator = Paginator(moreLine: fill(layout.moreLine), backLine: fill(layout.backLine))
        let laidOut = layout.pages(of: screen)
        let closes = screen.kind == .end
        var flat: [RenderedPage] = []
        var target = 0
        for (index, laid) in laidOut.enumerated() {
            if index == logicalPage { target = flat.count }
            let shown = index == logicalPage ? laid.prefixed(by: error) : laid
            let texts = paginator.paginate(
                content: shown.content.map(fill), navigation: shown.navigation.map(fill),
                backOnFirst: index > 0 || screen.back, closes: closes && index == laidOut.count - 1
            )
            flat += texts.map { RenderedPage(text: $0, logicalPage: index) }
        }
        guard !flat.isEmpty else { return close(with: .unavailable) }
        pages = flat
        page = target
        pagesClose = closes
        if error != nil { stopReplay = true }
        return currentStep()
    }

    /// The page the subscriber is on; the last page of an END screen closes the dialogue.
    mutating func currentStep() -> DialogueStep {
        let text = pages.indices.contains(page) ? pages[page].text : ""
        guard pagesClose, page == pages.count - 1 else { return .con(text) }
        isFinished = true
        awaiting = nil
        secrets.removeAll()
        queued.removeAll()
        return .end(text)
    }

    /// What a dialogue that has ended answers to anything more: its last screen again.
    func finishedStep() -> DialogueStep {
        .end(pages.last?.text ?? "")
    }

    /// Ends the dialogue with one of the menu's fixed texts (account locked, service unavailable).
    mutating func close(with label: Menu.Label) -> DialogueStep {
        awaiting = nil
        let text =
            menu.labels[label]
            ?? LocalizedText(translations: [:], location: SourceLocation(file: "", line: 0))
        let closing = Screen(id: current, kind: .end, text: text, location: text.location)
        return render(closing)
    }

    /// A template with every variable replaced by its value as shown: formatted, then transliterated to GSM-7
    /// so one accented name cannot turn the whole screen into 80-character UCS-2.
    func fill(_ template: Template) -> String {
        template.fill { name in
            guard let raw = variables[name] else { return "" }
            let shown = menu.variables[name]?.display(raw) ?? raw
            return GSM7.transliterate(shown)
        }
    }
}
