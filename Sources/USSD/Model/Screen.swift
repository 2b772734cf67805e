/// A screen id as written in the menu files (`send.amount`).
public typealias ScreenID = String

/// A reference to another screen, remembered with where it was written so a dangling one gets `file:line`.
public struct ScreenRef: Hashable, Sendable {
    public var id: ScreenID
    public var location: SourceLocation

    public init(_ id: ScreenID, at location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// One node of the *334# journey: something shown to the subscriber, or an action the adapter performs.
public struct Screen: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Numbered options; long lists page with `98 More` / `0 Back`.
        case menu(MenuBody)
        /// Free input with a validation rule and its own error text.
        case input(InputBody)
        /// Shows what will happen (recipient, amount, fee) and asks `1 Confirm` / `2 Cancel`.
        case confirm(ConfirmBody)
        /// The M-PESA PIN, verified by the adapter. Must be `secret: true`.
        case pin(PinBody)
        /// No screen: an effect the adapter performs (submit a payment, query, change PIN, set language).
        case action(ActionBody)
        /// The closing screen (`END`).
        case end
    }

    public var id: ScreenID
    public var kind: Kind
    /// The screen's text; nil only for actions, which show nothing.
    public var text: LocalizedText?
    /// Whether `0` goes back to the previous screen (and `0 Back` is shown).
    public var back: Bool
    /// Whether what is typed here is a secret: never stored, logged or shown.
    public var secret: Bool
    /// Where the screen's id was written.
    public var location: SourceLocation

    public init(
        id: ScreenID, kind: Kind, text: LocalizedText?, back: Bool = false, secret: Bool = false,
        location: SourceLocation
    ) {
        self.id = id
        self.kind = kind
        self.text = text
        self.back = back
        self.secret = secret
        self.location = location
    }

    /// Every screen this one can lead to, with a short label for the journey graph.
    public var transitions: [(label: String, target: ScreenRef)] {
        switch kind {
        case .menu(let body):
            return body.options.enumerated().map { ("\($0.offset + 1)", $0.element.next) }
        case .input(let body):
            return [("valid", body.next)]
        case .confirm(let body):
            let unknown = body.lookup?.ifUnknown.map { [("unknown", $0)] } ?? []
            return unknown + [("1", body.accept), ("2", body.cancel)]
        case .pin(let body):
            return [("PIN ok", body.next)]
        case .action(let body):
            let uncertain = body.uncertain.map { [("uncertain", $0)] } ?? []
            return [("ok", body.next), ("failed", body.failed)] + uncertain
        case .end:
            return []
        }
    }
}

public struct MenuOption: Hashable, Sendable {
    public var label: LocalizedText
    public var next: ScreenRef
    /// Session variables set when this option is chosen, e.g. `toMsisdn: "{msisdn}"` for "My number".
    public var assignments: [String: Template]

    public init(label: LocalizedText, next: ScreenRef, assignments: [String: Template] = [:]) {
        self.label = label
        self.next = next
        self.assignments = assignments
    }
}

public struct MenuBody: Hashable, Sendable {
    public var options: [MenuOption]
    /// Options per page; nil shows them all on one page.
    public var pageSize: Int?

    public init(options: [MenuOption], pageSize: Int? = nil) {
        self.options = options
        self.pageSize = pageSize
    }
}

public struct InputBody: Hashable, Sendable {
    public var rule: InputRule
    public var error: LocalizedText
    /// The session variable that receives the (normalised) value.
    public var store: String
    public var next: ScreenRef

    public init(rule: InputRule, error: LocalizedText, store: String, next: ScreenRef) {
        self.rule = rule
        self.error = error
        self.store = store
        self.next = next
    }
}

public struct PinBody: Hashable, Sendable {
    public var next: ScreenRef

    public init(next: ScreenRef) { self.next = next }
}
