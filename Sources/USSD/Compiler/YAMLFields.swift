import Yams

/// Collects diagnostics while one menu file is read.
final class DiagnosticLog {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1)
    }

    func report(_ message: String, at node: Node) {
        diagnostics.append(Diagnostic(message, at: location(of: node)))
    }

    func report(_ message: String, line: Int) {
        diagnostics.append(Diagnostic(message, at: SourceLocation(file: file, line: line)))
    }
}

/// The keys of one YAML mapping, read one by one; whatever is left unread at `finish()` is reported as an
/// unknown key, which is how a typo such as `secert: true` gets caught instead of silently ignored.
struct YAMLFields {
    let node: Node
    let what: String
    let log: DiagnosticLog
    private var entries: [(key: String, keyNode: Node, value: Node)] = []
    private var read: Set<String> = []

    /// Nil (and reported) when `node` is not a mapping with plain keys.
    init?(_ node: Node, what: String, log: DiagnosticLog) {
        guard case .mapping(let mapping) = node else {
            log.report("\(what) must be a mapping", at: node)
            return nil
        }
        self.node = node
        self.what = what
        self.log = log
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                log.report("\(what) has a key that is not plain text", at: key)
                continue
            }
            entries.append((name, key, value))
        }
    }

    var location: SourceLocation { log.location(of: node) }

    /// Every key with its value, in file order (for mappings whose keys are names: screens, variables).
    var all: [(key: String, keyNode: Node, value: Node)] { entries }

    mutating func value(_ key: String, required: Bool = false) -> Node? {
        read.insert(key)
        guard let entry = entries.first(where: { $0.key == key }) else {
            if required { log.report("\(what) needs '\(key)'", at: node) }
            return nil
        }
        return entry.value
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        guard let text = node.scalar?.string, !text.isEmpty else {
            log.report("'\(key)' of \(what) must be text", at: node)
            return nil
        }
        return text
    }

    mutating func int(_ key: String, required: Bool = false, minimum: Int = 0) -> Int? {
        guard let node = value(key, required: required) else { return nil }
        guard let number = node.scalar.flatMap({ Int($0.string) }), number >= minimum else {
            log.report("'\(key)' of \(what) must be a whole number of at least \(minimum)", at: node)
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool {
        guard let node = value(key) else { return false }
        guard let flag = node.bool else {
            log.report("'\(key)' of \(what) must be true or false", at: node)
            return false
        }
        return flag
    }

    mutating func ref(_ key: String, required: Bool = true) -> ScreenRef? {
        guard let node = value(key, required: required) else { return nil }
        guard let id = node.scalar?.string, !id.isEmpty else {
            log.report("'\(key)' of \(what) must be a screen id", at: node)
            return nil
        }
        return ScreenRef(id, at: log.location(of: node))
    }

    /// Marks every key as read: used once the mapping is known to be wrong as a whole, so one mistake does not
    /// also produce a list of "unknown key" messages.
    mutating func ignoreRest() {
        read.formUnion(entries.map(\.key))
    }

    /// Reports every key nobody asked for.
    func finish() {
        for entry in entries where !read.contains(entry.key) {
            log.report("unknown key '\(entry.key)' in \(what)", at: entry.keyNode)
        }
    }
}
