/// One SMPP link from the gateway to an SMSC; every field has the default a new link gets.
public struct ESMEConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 2775
    /// Credentials the operator issued (bind_transceiver).
    public var systemID: String = "pesagate"
    public var password: String = "secret"
    /// Some SMSCs route or bill by it; usually empty.
    public var systemType: String = ""
    /// Requests in flight without a response; Kannel's guidance is at most 10.
    public var windowSize: Int = 10
    /// A request unanswered this long means the link is broken: reconnect and resend.
    public var responseTimeout: Duration = .seconds(10)
    /// Keep-alive period; a missing `enquire_link_resp` within ``responseTimeout`` is a dead link.
    public var enquireLinkInterval: Duration = .seconds(30)
    /// First wait before reconnecting; doubles per failure up to ``maxReconnectDelay``.
    public var reconnectDelay: Duration = .milliseconds(200)
    public var maxReconnectDelay: Duration = .seconds(10)
    /// Message parts per second on this link (operators sell throughput in parts); nil is unlimited.
    public var partsPerSecond: Double?
    /// How long the whole link pauses after `ESME_RTHROTTLED` or `ESME_RMSGQFUL`.
    public var throttlePause: Duration = .seconds(1)
    /// Tries for a part refused with another temporary error (`ESME_RSYSERR`, `ESME_RX_T_APPN`).
    public var maxTemporaryAttempts: Int = 5
    /// The base this SMSC writes message ids in, so receipts match `submit_sm_resp` ids.
    public var messageIDBase: MessageID.Base = .hex
    /// Alphabet, packing and concatenation method this SMSC expects.
    public var encoder: SMSEncoder = SMSEncoder()

    public init(host: String = "127.0.0.1", port: Int = 2775, systemID: String = "pesagate", password: String = "secret") {
        self.host = host
        self.port = port
        self.systemID = systemID
        self.password = password
    }
}
