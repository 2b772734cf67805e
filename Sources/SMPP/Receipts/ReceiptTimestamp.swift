/// A `submit date:`/`done date:` value of a receipt text: `YYMMDDhhmm`, or `YYMMDDhhmmss` as
/// some SMSCs send. Kept as fields, not a `Date`, because the text carries no time zone: the
/// SMSC's local time is all it says.
public struct ReceiptTimestamp: Hashable, Sendable, CustomStringConvertible {
    /// Two-digit year as written (24 for 2024).
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    /// Present only when the SMSC sent 12 digits.
    public var second: Int?

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses 10 or 12 digits; nil for anything else or out-of-range fields.
    public init?(_ text: some StringProtocol) {
        guard text.count == 10 || text.count == 12, text.allSatisfy(\.isASCII) else { return nil }
        var values: [Int] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let value = Int(text[index..<next]) else { return nil }
            values.append(value)
            index = next
        }
        guard (1...12).contains(values[1]), (1...31).contains(values[2]), values[3] < 24, values[4] < 60 else {
            return nil
        }
        if values.count == 6, values[5] >= 60 { return nil }
        self.init(
            year: values[0], month: values[1], day: values[2], hour: values[3], minute: values[4],
            second: values.count == 6 ? values[5] : nil
        )
    }

    /// `YYMMDDhhmm`, plus `ss` when seconds are known.
    public var description: String {
        var fields = [year % 100, month, day, hour, minute]
        if let second { fields.append(second) }
        return fields.map(Self.twoDigits).joined()
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
