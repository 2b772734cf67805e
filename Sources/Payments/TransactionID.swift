/// A payment's identity in the seed's shape: `TXN-YYYYMMDD-<suffix>`, e.g. `TXN-20240902-001`.
///
/// The id is the join key of the whole pipeline (results, commands, audit events, the ledger's
/// idempotency rows), so it is validated wherever it enters: `TXN-`, an 8-digit UTC date with a
/// plausible month and day, `-`, then 1 to ``maxSuffixLength`` characters of `[A-Z0-9]`. New ids come
/// from ``TransactionIDGenerator``.
public struct TransactionID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Longest accepted suffix; generated suffixes are at most 21 characters.
    public static let maxSuffixLength = 32

    /// The whole id, e.g. `TXN-20240902-001`.
    public let value: String

    public init(parsing text: String) throws(TransactionIDError) {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 14, utf8.starts(with: Array("TXN-".utf8)) else { throw .wrongPrefix }
        let date = utf8[4..<12]
        guard date.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw .invalidDate }
        let digits = date.map { Int($0 - 48) }
        let month = digits[4] * 10 + digits[5]
        let day = digits[6] * 10 + digits[7]
        guard (1...12).contains(month), (1...31).contains(day) else { throw .invalidDate }
        guard utf8[12] == UInt8(ascii: "-") else { throw .invalidSuffix }
        let suffix = utf8[13...]
        guard !suffix.isEmpty, suffix.count <= TransactionID.maxSuffixLength,
              suffix.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) })
        else { throw .invalidSuffix }
        self.value = text
    }

    /// Builds an id from parts already known to be valid (the generator's output).
    init(unchecked value: String) {
        self.value = value
    }

    /// The `YYYYMMDD` part.
    public var datePart: String { String(value.dropFirst(4).prefix(8)) }

    /// Everything after the date, e.g. `001`.
    public var suffix: String { String(value.dropFirst(13)) }

    public var description: String { value }

    public static func < (lhs: TransactionID, rhs: TransactionID) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "invalid transaction id \"\(text)\": \(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
