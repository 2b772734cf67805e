/// `message_state` (spec §5.2.28), as in `query_sm_resp` and the `message_state` TLV, with the
/// seven-letter `stat:` words of receipt texts (spec Appendix B).
public struct MessageState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let enroute = Self(rawValue: 1)
    public static let delivered = Self(rawValue: 2)
    public static let expired = Self(rawValue: 3)
    public static let deleted = Self(rawValue: 4)
    public static let undeliverable = Self(rawValue: 5)
    public static let accepted = Self(rawValue: 6)
    public static let unknown = Self(rawValue: 7)
    public static let rejected = Self(rawValue: 8)

    private static let stats: [(UInt8, String)] = [
        (1, "ENROUTE"), (2, "DELIVRD"), (3, "EXPIRED"), (4, "DELETED"),
        (5, "UNDELIV"), (6, "ACCEPTD"), (7, "UNKNOWN"), (8, "REJECTD"),
    ]

    /// Reads a receipt's `stat:` word (case-insensitive); nil for a word we do not know.
    public init?(receiptStat: some StringProtocol) {
        let upper = receiptStat.uppercased()
        // Some SMSCs spell the words out in full.
        let aliases = ["DELIVERED": "DELIVRD", "UNDELIVERABLE": "UNDELIV", "ACCEPTED": "ACCEPTD", "REJECTED": "REJECTD"]
        let word = aliases[upper] ?? upper
        guard let entry = Self.stats.first(where: { $0.1 == word }) else { return nil }
        self.rawValue = entry.0
    }

    /// The `stat:` word for receipt texts; `UNKNOWN` for states the spec does not name.
    public var receiptStat: String {
        Self.stats.first { $0.0 == rawValue }?.1 ?? "UNKNOWN"
    }

    /// Only ENROUTE (and SCHEDULED, 0, from later versions) may still change.
    public var isFinal: Bool { rawValue != 0 && rawValue != 1 }

    public var description: String { receiptStat }
}
