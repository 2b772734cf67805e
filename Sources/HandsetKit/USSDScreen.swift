/// A screen the gateway sent: its text without the `CON `/`END ` prefix, and whether it closed the session.
public struct USSDScreen: Hashable, Sendable {
    public var text: String
    /// True for `END`: the network closes the session and the phone shows the text until dismissed.
    public var isFinal: Bool

    public init(text: String, isFinal: Bool) {
        self.text = text
        self.isFinal = isFinal
    }

    /// The answer as it came over the wire, e.g. `CON Enter amount`.
    public var wireText: String { (isFinal ? "END " : "CON ") + text }

    /// PIN screens say so; the handset masks what was typed on them in the end-of-session report.
    public var asksForPIN: Bool { text.contains("PIN") }
}
