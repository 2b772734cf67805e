/// A text that reached the handset, reassembled from its parts.
public struct ReceivedSMS: Hashable, Sendable {
    /// The sender as the SMSC gave it, e.g. `MPESA`.
    public var from: String
    public var text: String
    /// When the last part arrived (monotonic, to measure dial-to-SMS).
    public var arrivedAt: ContinuousClock.Instant

    public init(from: String, text: String, arrivedAt: ContinuousClock.Instant = .now) {
        self.from = from
        self.text = text
        self.arrivedAt = arrivedAt
    }
}
