/// Why a string is not a Kenyan mobile number; USSD menus turn each case into a prompt.
public enum MSISDNError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but whitespace, `+`, spaces or dashes.
    case empty
    /// Letters or punctuation other than a leading `+` and inner spaces or dashes.
    case nonDigits
    /// Not 9 (`712345678`), 10 (`0712345678`) or 12 (`254712345678`) digits.
    case wrongLength
    /// An international number outside Kenya (e.g. `+255…`, Tanzania).
    case wrongCountryCode
    /// A Kenyan number outside the mobile ranges 7xx and 1xx (e.g. a `2542…` Nairobi landline).
    case notMobileRange

    public var description: String {
        switch self {
        case .empty: "no phone number"
        case .nonDigits: "phone number may contain only digits"
        case .wrongLength: "phone number has the wrong length"
        case .wrongCountryCode: "not a Kenyan number"
        case .notMobileRange: "not a mobile number"
        }
    }
}
