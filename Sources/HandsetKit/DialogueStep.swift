/// One step of a scripted dialogue, as written in `simulators/dialogues/*.yaml`.
public enum DialogueStep: Hashable, Sendable {
    /// Start a session by dialling a code (`*334#` unless given).
    case dial(String)
    /// The current screen must match.
    case expect(TextPattern)
    /// Type an answer and send it.
    case send(String)
    /// Think time before the next step.
    case wait(milliseconds: Int)
    /// An SMS matching the pattern must arrive within the time limit.
    case expectSMS(TextPattern, withinMillis: Int)
    /// No SMS (matching the pattern, if one is given) may arrive within the time limit.
    case expectNoSMS(TextPattern?, withinMillis: Int)
    /// The session must have ended (`END`), on a screen matching the pattern if one is given.
    case expectEnd(TextPattern?)

    /// The step as a reader of the script would name it, for progress lines and diffs.
    public var summary: String {
        switch self {
        case .dial(let code): "dial \(code)"
        case .expect(let pattern): "expect \(pattern)"
        case .send(let input): "send \"\(input)\""
        case .wait(let ms): "wait \(ms) ms"
        case .expectSMS(let pattern, let ms): "expect-sms \(pattern) within \(ms) ms"
        case .expectNoSMS(let pattern, let ms): "expect-no-sms \(pattern.map { "\($0)" } ?? "(any)") within \(ms) ms"
        case .expectEnd(let pattern): "expect-end" + (pattern.map { " \($0)" } ?? "")
        }
    }
}

/// A step and the line it came from, so a failure can point at the file.
public struct ScriptStep: Hashable, Sendable {
    public var step: DialogueStep
    public var line: Int

    public init(_ step: DialogueStep, line: Int) {
        self.step = step
        self.line = line
    }
}
