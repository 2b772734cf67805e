/// One subscriber's walk through the *334# menu: a pure state machine with no I/O.
///
/// Each hop's input goes to `receive(_:)`; the answer is a screen to show or an effect the adapter must
/// perform (look up a name, quote a fee, verify the PIN, submit a payment...) and feed back through
/// `resume(with:)`. Because nothing here waits or talks to the network, the HTTP adapter and a later
/// USSD-over-SMPP adapter drive the same engine, and tests read as transcripts.
///
/// PINs: the engine wraps a PIN into `PIN` and hands it out in `.verifyPIN` at once, keeping no copy. A new
/// PIN waits for its confirmation in a separate store that `description` and `Mirror` never show, and is
/// dropped when handed out in `.changePIN` or when the dialogue ends.
public struct Dialogue: Sendable {
    public let menu: Menu
    /// The language screens are shown in; switches when a `setLanguage` action succeeds.
    public internal(set) var language: Language
    /// How many inputs this dialogue has received, replayed ones included: the next input's index in `text`.
    public internal(set) var inputCount = 0
    /// Indexes (in `text`, counted from 0) of inputs typed on secret screens, for `Redaction`.
    public internal(set) var secretInputIndexes: Set<Int> = []
    /// True once an END screen has been returned.
    public internal(set) var isFinished = false

    var variables: [String: String]
    var secrets: [String: PIN] = [:]

    /// The value a screen stored under `name` (e.g. `toMsisdn`); never a secret (PINs live apart).
    public func value(of name: String) -> String? { variables[name] }
    var current: ScreenID
    var history: [ScreenID] = []
    var pages: [RenderedPage] = []
    var page = 0
    var pagesClose = false
    var awaiting: Awaiting?
    var queued: [String] = []
    var stopReplay = false

    /// Enough to go back through any real journey; the cap keeps a looping subscriber's session small.
    static let historyLimit = 32

    enum Awaiting: String, Sendable {
        case lookup, quote, pin, action
    }

    struct RenderedPage: Sendable {
        var text: String
        var logicalPage: Int
    }

    /// - Parameters:
    ///   - language: the subscriber's language; one the menu does not have falls back to its first.
    ///   - variables: session facts screens may use, e.g. `["msisdn": "254700123456"]` for "My number".
    public init(menu: Menu, language: Language, variables: [String: String] = [:]) {
        self.menu = menu
        self.language = menu.languages.contains(language) ? language : (menu.languages.first ?? language)
        self.variables = variables
        self.current = menu.start
    }

    /// Shows the first screen. `prefilledInputs` are digits dialled after the service code (`*334*1*0711987654#`),
    /// replayed as if typed; replay stops at the first screen that rejects one.
    public mutating func start(prefilledInputs: [String] = []) -> DialogueStep {
        queued = prefilledInputs
        return drain(enter(menu.start))
    }

    /// The subscriber's input for the screen last shown.
    public mutating func receive(_ input: String) -> DialogueStep {
        drain(handle(input))
    }

    /// The adapter's answer to the effect last returned.
    public mutating func resume(with answer: EffectAnswer) -> DialogueStep {
        drain(handle(answer))
    }

    /// Replays queued inputs while screens keep coming; stops at an effect (continued after `resume`), an
    /// END, or a screen that rejected an input (the rest of the replay no longer means what was intended).
    mutating func drain(_ first: DialogueStep) -> DialogueStep {
        var step = first
        while case .con = step, !queued.isEmpty, !stopReplay {
            step = handle(queued.removeFirst())
        }
        if stopReplay || isFinished { queued.removeAll() }
        stopReplay = false
        return step
    }
}

extension Dialogue: CustomStringConvertible, CustomReflectable {
    /// Safe to log: screen and progress only, never values or secrets.
    public var description: String {
        let waiting = awaiting.map { ", awaiting: \($0.rawValue)" } ?? ""
        return "Dialogue(screen: \(current), page: \(page + 1)/\(max(pages.count, 1)), language: \(language), "
            + "inputs: \(inputCount)\(waiting)\(isFinished ? ", finished" : ""))"
    }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "screen": current, "page": page, "language": language.rawValue, "inputs": inputCount,
                "awaiting": awaiting?.rawValue ?? "nothing", "finished": isFinished,
            ],
            displayStyle: .struct
        )
    }
}
