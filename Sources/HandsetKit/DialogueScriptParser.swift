import Foundation
import Yams

/// Reads dialogue YAML into a ``DialogueScript``, refusing anything unclear with `file:line`.
///
/// Works on Yams' node tree rather than `Decodable`, so every error can name the line, and a typo
/// such as `expect-sns` is refused instead of silently skipped.
public struct DialogueScriptParser: Sendable {
    public init() {}

    public func parse(contentsOf path: String) throws -> DialogueScript {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DialogueScriptError(file: file, line: nil, message: "cannot read the file")
        }
        return try parse(text, file: file)
    }

    public func parse(_ yaml: String, file: String) throws -> DialogueScript {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw DialogueScriptError(file: file, line: Self.line(of: error), message: "not valid YAML: \(error)")
        }
        guard let root, let top = root.mapping else {
            throw DialogueScriptError(file: file, line: root?.mark?.line, message: "a dialogue is a mapping with `steps:`")
        }
        let reader = NodeReader(file: file)
        var script = DialogueScript(name: (file as NSString).deletingPathExtension, steps: [])
        for (key, value) in top {
            switch key.string ?? "" {
            case "name": script.name = try reader.string(value, "name")
            case "msisdn": script.msisdn = try reader.string(value, "msisdn")
            case "lang":
                let lang = try reader.string(value, "lang")
                guard ["en", "sw"].contains(lang) else { throw reader.error(value, "`lang` is `en` or `sw`, not `\(lang)`") }
                script.lang = lang
            case "peer": script.peer = try reader.string(value, "peer")
            case "description": break  // for readers
            case "accounts":
                guard let list = value.sequence else { throw reader.error(value, "`accounts` is a list") }
                script.accounts = try list.map { try reader.account($0) }
            case "steps":
                guard let list = value.sequence else { throw reader.error(value, "`steps` is a list") }
                script.steps = try list.map { try reader.step($0) }
            default:
                throw reader.error(key, "unknown key `\(key.string ?? "?")` (known: name, msisdn, lang, peer, description, accounts, steps)")
            }
        }
        guard !script.steps.isEmpty else { throw DialogueScriptError(file: file, line: root.mark?.line, message: "no `steps`") }
        guard case .dial = script.steps[0].step else {
            throw DialogueScriptError(file: file, line: script.steps[0].line, message: "the first step must be `dial`")
        }
        return script
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }
}
