/// Reads the aggregator's `text` field: every input of the session so far, joined by `*`.
///
/// An input may itself contain `*` (a star typed in an account reference), so the whole string is never split
/// blindly: the new input is exactly what follows the previous `text` plus `*`. Only on a session's first hop,
/// where digits dialled after the service code (`*334*1*0711987654#`) arrive as `1*0711987654`, is there no
/// previous text to anchor on, and the `*` split is the only reading there is.
public enum USSDText {
    public enum Reading: Hashable, Sendable {
        /// The session's first hop; `replay` holds the inputs dialled with the code (empty for plain `*334#`).
        case start(replay: [String])
        /// The input typed since the previous hop.
        case input(String)
        /// The same `text` as the previous hop: a repeated delivery, not a new input.
        case unchanged
        /// A `text` that does not continue the previous one: the hop cannot belong to this session.
        case notAnExtension
    }

    /// - Parameters:
    ///   - previous: the `text` of the session's previous hop, or nil on its first hop.
    ///   - current: this hop's `text`.
    public static func read(previous: String?, current: String) -> Reading {
        guard let previous else {
            return .start(
                replay: current.isEmpty
                    ? [] : current.split(separator: "*", omittingEmptySubsequences: false).map(String.init))
        }
        if current.utf8.elementsEqual(previous.utf8) { return .unchanged }
        if previous.isEmpty { return .input(current) }
        guard let rest = suffix(of: current, after: previous + "*") else { return .notAnExtension }
        return .input(rest)
    }

    /// What follows `prefix` in `text`, compared byte for byte so that no Unicode normalisation can make two
    /// different answers look alike.
    static func suffix(of text: String, after prefix: String) -> String? {
        let bytes = Array(text.utf8)
        let head = Array(prefix.utf8)
        guard bytes.count >= head.count, bytes[..<head.count].elementsEqual(head) else { return nil }
        return String(decoding: bytes[head.count...], as: UTF8.self)
    }
}
