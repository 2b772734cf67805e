/// `data_coding` (spec §5.2.19): which alphabet `short_message` is in.
public struct DataCoding: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The SMSC's default alphabet: GSM 03.38 on most SMSCs, but the SMSC decides, which is why
    /// the alphabet behind it is a per-link setting.
    public static let smscDefault = Self(rawValue: 0x00)
    public static let ia5 = Self(rawValue: 0x01)
    /// 8-bit binary.
    public static let octetUnspecified = Self(rawValue: 0x02)
    public static let latin1 = Self(rawValue: 0x03)
    /// 8-bit binary (the other code point the spec gives it).
    public static let octetUnspecified2 = Self(rawValue: 0x04)
    /// UCS-2, in practice UTF-16BE.
    public static let ucs2 = Self(rawValue: 0x08)
}
