/// What the interactive handset shows: the subscriber, the USSD screen or dial pad, what is being
/// typed, the session clock and the inbox. A value, so the display can be drawn and tested alone.
public struct PhoneState: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        /// No session: typing a code to dial.
        case idle
        /// Waiting for the gateway's answer.
        case waiting
        /// A `CON` screen waiting for an answer.
        case inSession(USSDScreen)
        /// The last session ended on this screen (`END`, or a breach message).
        case ended(String)
    }

    public var msisdn: String
    public var gateway: String
    public var mode: Mode = .idle
    /// What the subscriber has typed so far on this screen.
    public var input = ""
    /// Seconds since the dial, shown while a session is open.
    public var sessionSeconds: Int?
    public var inbox: [ReceivedSMSLine] = []
    /// One line under the keys: an SMSC problem, a breach.
    public var status = ""
    /// `en` or `sw`: the handset's own labels (the gateway picks the screens' language).
    public var language = "en"

    public init(msisdn: String, gateway: String) {
        self.msisdn = msisdn
        self.gateway = gateway
    }
}

/// An inbox entry as shown: when it came, who sent it, the text.
public struct ReceivedSMSLine: Hashable, Sendable {
    public var time: String
    public var from: String
    public var text: String

    public init(time: String, from: String, text: String) {
        self.time = time
        self.from = from
        self.text = text
    }
}
