import Foundation

/// What a script expects of a screen or an SMS: a plain substring, or a regular expression.
///
/// Kept as the source string, not a compiled `Regex`, so the value stays `Sendable`; the pattern
/// is checked once when the script is read, so a typo fails at load, not mid-dialogue.
public enum TextPattern: Hashable, Sendable, CustomStringConvertible {
    case substring(String)
    case regex(String)

    /// Compiles a regular expression; throws with the engine's own message when it is malformed.
    public static func validRegex(_ source: String) throws -> TextPattern {
        _ = try Regex(source)
        return .regex(source)
    }

    public func matches(_ text: String) -> Bool {
        switch self {
        case .substring(let needle):
            return text.contains(needle)
        case .regex(let source):
            guard let regex = try? Regex(source) else { return false }
            return text.contains(regex)
        }
    }

    /// The same pattern with `{name}` placeholders filled (`{msisdn}`, `{peer}`).
    public func filled(_ values: [String: String]) -> TextPattern {
        switch self {
        case .substring(let s): .substring(Placeholders.fill(s, values))
        case .regex(let s): .regex(Placeholders.fill(s, values))
        }
    }

    public var description: String {
        switch self {
        case .substring(let s): "screen containing \"\(s.replacingNewlines())\""
        case .regex(let s): "text matching /\(s)/"
        }
    }
}

/// `{msisdn}`-style placeholders in script strings; only the names given are replaced, so a regex
/// quantifier such as `\d{3}` is left alone.
enum Placeholders {
    static func fill(_ text: String, _ values: [String: String]) -> String {
        var out = text
        for (name, value) in values { out = out.replacingOccurrences(of: "{\(name)}", with: value) }
        return out
    }
}
