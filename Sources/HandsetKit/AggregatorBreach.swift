/// A rule of the aggregator the gateway broke; a real network drops the session on any of these.
public enum AggregatorBreach: Error, Hashable, Sendable, CustomStringConvertible {
    /// The body starts with neither `CON ` nor `END `.
    case missingPrefix(body: String)
    /// The screen holds more characters than one USSD message can (182 GSM-7 or 80 UCS-2).
    case screenTooLong(characters: Int, limit: Int, alphabet: String)
    /// No answer within the aggregator's limit (15 s in Kenya).
    case slowAnswer(limitMillis: Int)
    /// An HTTP status other than 200.
    case httpStatus(Int, body: String)
    /// No HTTP answer at all: refused connection, reset, closed early.
    case transport(String)

    public var description: String {
        switch self {
        case .missingPrefix(let body):
            "answer starts with neither CON nor END: \(Self.quote(body))"
        case .screenTooLong(let characters, let limit, let alphabet):
            "screen of \(characters) \(alphabet) characters is over the \(limit)-character limit"
        case .slowAnswer(let limit):
            "no answer within \(limit) ms (the network drops the session)"
        case .httpStatus(let status, let body):
            "HTTP \(status): \(Self.quote(body))"
        case .transport(let reason):
            "no answer: \(reason)"
        }
    }

    /// The `errorMessage` of the end-of-session notification.
    public var errorMessage: String { description }

    private static func quote(_ text: String) -> String {
        let short = text.count > 60 ? String(text.prefix(60)) + "..." : text
        return "\"" + short.replacingNewlines() + "\""
    }
}

extension String {
    /// One-line form of a multi-line screen, for error messages.
    func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
    }
}
