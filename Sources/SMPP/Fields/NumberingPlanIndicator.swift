/// `addr_npi` (spec §5.2.6).
public struct NumberingPlanIndicator: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let unknown = Self(rawValue: 0)
    /// ISDN (E.163/E.164): the plan of mobile numbers.
    public static let isdn = Self(rawValue: 1)
    public static let data = Self(rawValue: 3)
    public static let telex = Self(rawValue: 4)
    public static let landMobile = Self(rawValue: 6)
    public static let national = Self(rawValue: 8)
    public static let privatePlan = Self(rawValue: 9)
    public static let ermes = Self(rawValue: 10)
    public static let internet = Self(rawValue: 14)
    public static let wapClientID = Self(rawValue: 18)
}
