/// `addr_ton` (spec §5.2.5). Open, since SMSCs pass through values the spec reserves.
public struct TypeOfNumber: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let unknown = Self(rawValue: 0)
    /// E.164 number with country code, e.g. `254700123456`.
    public static let international = Self(rawValue: 1)
    public static let national = Self(rawValue: 2)
    public static let networkSpecific = Self(rawValue: 3)
    public static let subscriberNumber = Self(rawValue: 4)
    /// Alphanumeric sender such as `MPESA`.
    public static let alphanumeric = Self(rawValue: 5)
    public static let abbreviated = Self(rawValue: 6)
}
