/// A session variable that screens may show, declared once under `variables:` with its widest value.
///
/// The compiler counts every placeholder at `maxWidth`, which is what makes "this screen can never exceed
/// 182 characters" a proof rather than a hope. Values longer at run time are paginated, never cut.
public struct VariableSpec: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable {
        /// Shown as stored.
        case plain
        /// Whole numbers shown with thousands separators (`25000` -> `25,000`); the stored value stays raw, so
        /// payment fields get plain digits.
        case thousands
    }

    public var name: String
    public var maxWidth: Int
    public var format: Format
    public var location: SourceLocation

    public init(name: String, maxWidth: Int, format: Format = .plain, location: SourceLocation) {
        self.name = name
        self.maxWidth = maxWidth
        self.format = format
        self.location = location
    }

    /// The value as a screen shows it.
    public func display(_ raw: String) -> String {
        switch format {
        case .plain: raw
        case .thousands: Self.groupThousands(raw)
        }
    }

    static func groupThousands(_ raw: String) -> String {
        guard !raw.isEmpty, raw.allSatisfy(\.isASCIIDigitCharacter) else { return raw }
        var out = ""
        for (index, character) in raw.enumerated() {
            if index > 0, (raw.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}

extension Character {
    /// `0`...`9` only: `isNumber` would also accept other scripts' digits, which a handset never sends for a PIN
    /// or an amount.
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
