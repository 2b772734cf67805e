import Yams

/// Reads menu files into one `MenuDocument`. Any file may hold `settings:` (once across all files),
/// `variables:` and `screens:`; screen ids and variable names must be unique across files.
enum MenuLoader {
    static func load(_ files: [MenuFile]) -> (MenuDocument, [Diagnostic]) {
        var document = MenuDocument(menu: Menu(start: "", languages: [], labels: [:], variables: [:], screens: [:]))
        var diagnostics: [Diagnostic] = []
        var unreadable = false
        for file in files.sorted(by: { $0.name < $1.name }) {
            let log = DiagnosticLog(file: file.name)
            if let root = parse(file, log: log) {
                read(root, into: &document, log: log)
            } else {
                unreadable = true
            }
            diagnostics += log.diagnostics
        }
        // A file that did not parse may well hold the settings; saying they are missing would mislead.
        if document.settingsLocation == nil, !unreadable {
            let file = files.map(\.name).min() ?? "menus"
            diagnostics.append(
                Diagnostic(
                    "no file has 'settings:' (start screen, languages, labels)", at: SourceLocation(file: file, line: 1)
                ))
        }
        return (document, diagnostics)
    }

    /// The file's YAML tree, or nil with the syntax error reported at its line.
    private static func parse(_ file: MenuFile, log: DiagnosticLog) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: file.contents) else {
                log.report("file is empty", line: 1)
                return nil
            }
            return root
        } catch let error as YamlError {
            let (line, problem) = describe(error, in: file.contents)
            log.report("YAML syntax error: \(problem)", line: line)
        } catch {
            log.report("YAML syntax error: \(error)", line: 1)
        }
        return nil
    }

    private static func describe(_ error: YamlError, in text: String) -> (Int, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml notices an unclosed quote or bracket where it gives up; the context says where it began.
            guard let context, context.mark.line != mark.line else { return (mark.line, problem) }
            return (mark.line, "\(problem) (\(context.text) that starts at line \(context.mark.line))")
        case .reader(let problem, let offset, _, _):
            let line = offset.map { text.prefix($0).filter { $0 == "\n" }.count + 1 } ?? 1
            return (line, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark.line, "duplicate key '\(duplicates.joined(separator: "', '"))'")
        default:
            return (1, "\(error)")
        }
    }

    private static func read(_ root: Node, into document: inout MenuDocument, log: DiagnosticLog) {
        guard var top = YAMLFields(root, what: "the file", log: log) else { return }
        defer { top.finish() }
        if let node = top.value("settings") {
            if let earlier = document.settingsLocation {
                log.report("'settings' is already given at \(earlier)", at: node)
            } else {
                readSettings(node, into: &document, log: log)
            }
        }
        if let node = top.value("variables"), let variables = YAMLFields(node, what: "'variables'", log: log) {
            for entry in variables.all {
                readVariable(entry.key, entry.keyNode, entry.value, into: &document.menu, log: log)
            }
        }
        if let node = top.value("screens"), let screens = YAMLFields(node, what: "'screens'", log: log) {
            for entry in screens.all {
                if let earlier = document.menu.screens[entry.key] {
                    log.report("screen '\(entry.key)' is already defined at \(earlier.location)", at: entry.keyNode)
                } else if let screen = ScreenReader.read(
                    id: entry.key, keyNode: entry.keyNode, value: entry.value, log: log)
                {
                    document.menu.screens[entry.key] = screen
                }
            }
        }
    }

    private static func readSettings(_ node: Node, into document: inout MenuDocument, log: DiagnosticLog) {
        document.settingsLocation = log.location(of: node)
        guard var settings = YAMLFields(node, what: "'settings'", log: log) else { return }
        defer { settings.finish() }
        if let start = settings.ref("start") {
            document.menu.start = start.id
            document.startLocation = start.location
        }
        if let list = settings.value("languages", required: true) {
            let codes = list.sequence.map { $0.compactMap { $0.scalar?.string } } ?? []
            if codes.isEmpty { log.report("'languages' of 'settings' must be a list such as [en, sw]", at: list) }
            document.menu.languages = codes.map(Language.init(rawValue:))
        }
        guard let node = settings.value("labels", required: true),
            let labels = YAMLFields(node, what: "'labels' of 'settings'", log: log)
        else { return }
        document.labelsLocation = labels.location
        for entry in labels.all {
            guard let label = Menu.Label(rawValue: entry.key) else {
                log.report("unknown label '\(entry.key)'", at: entry.keyNode)
                continue
            }
            document.menu.labels[label] = TextReader.localized(entry.value, what: "label '\(entry.key)'", log: log)
        }
    }

    private static func readVariable(
        _ name: String, _ keyNode: Node, _ value: Node, into menu: inout Menu, log: DiagnosticLog
    ) {
        if let earlier = menu.variables[name] {
            log.report("variable '\(name)' is already declared at \(earlier.location)", at: keyNode)
            return
        }
        guard var fields = YAMLFields(value, what: "variable '\(name)'", log: log) else { return }
        defer { fields.finish() }
        let width = fields.int("maxWidth", required: true, minimum: 1)
        var format = VariableSpec.Format.plain
        if let node = fields.value("format") {
            if let parsed = node.scalar.flatMap({ VariableSpec.Format(rawValue: $0.string) }) {
                format = parsed
            } else {
                log.report("'format' of variable '\(name)' must be plain or thousands", at: node)
            }
        }
        guard let width else { return }
        menu.variables[name] = VariableSpec(
            name: name, maxWidth: width, format: format, location: log.location(of: keyNode))
    }
}
