/// A subscriber's language, as the code the menus use for translations (`en`, `sw`).
///
/// A struct rather than an enum so that adding a language is a change to `menus/` only: the menu files
/// declare their languages and the compiler checks every text against that list.
public struct Language: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let english: Language = "en"
    public static let kiswahili: Language = "sw"

    public var description: String { rawValue }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }
}
