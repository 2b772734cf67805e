import GSM0338

/// How long a USSD screen is, in the unit the network counts.
///
/// A USSD string is 160 octets: 182 GSM-7 septets (extension characters such as `€ [ ] { } ^ ~ \ |` take two),
/// or 80 UCS-2 characters as soon as one character falls outside GSM-7. The `CON `/`END ` prefix of the HTTP
/// answer is the aggregator's framing, not part of the screen.
public struct ScreenLength: Hashable, Sendable, CustomStringConvertible {
    public static let gsm7Limit = 182
    public static let ucs2Limit = 80

    /// Septets for GSM-7, UTF-16 code units for UCS-2.
    public var count: Int
    public var isGSM7: Bool

    public init(count: Int, isGSM7: Bool) {
        self.count = count
        self.isGSM7 = isGSM7
    }

    public var limit: Int { isGSM7 ? Self.gsm7Limit : Self.ucs2Limit }
    public var fits: Bool { count <= limit }

    public var description: String {
        isGSM7 ? "\(count) of \(limit) GSM-7 characters" : "\(count) of \(limit) UCS-2 characters"
    }

    /// The length of a finished screen.
    public static func of(_ text: String) -> ScreenLength {
        if let septets = GSM7.septetCount(text) { return ScreenLength(count: septets, isGSM7: true) }
        return ScreenLength(count: text.utf16.count, isGSM7: false)
    }

    /// The longest a template can get when every variable is `width(name)` characters long. Variables count one
    /// unit per character: their values are transliterated to GSM-7 before filling.
    public static func worstCase(of template: Template, width: (String) -> Int) -> ScreenLength {
        var literals = ""
        var variableWidth = 0
        for segment in template.segments {
            switch segment {
            case .literal(let text): literals += text
            case .variable(let name): variableWidth += width(name)
            }
        }
        let literal = of(literals)
        return ScreenLength(count: literal.count + variableWidth, isGSM7: literal.isGSM7)
    }
}
