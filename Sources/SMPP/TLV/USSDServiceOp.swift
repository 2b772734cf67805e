/// `ussd_service_op` (tag 0x0501, one octet; spec §5.3.2.44). Values 32–255 are vendor-specific,
/// and vendors use them (6D: 0x81 for a user abort), so the set is open.
public struct USSDServiceOp: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let pssdIndication = Self(rawValue: 0)
    public static let pssrIndication = Self(rawValue: 1)
    public static let ussrRequest = Self(rawValue: 2)
    public static let ussnRequest = Self(rawValue: 3)
    public static let pssdResponse = Self(rawValue: 16)
    public static let pssrResponse = Self(rawValue: 17)
    public static let ussrConfirm = Self(rawValue: 18)
    public static let ussnConfirm = Self(rawValue: 19)

    public var isVendorSpecific: Bool { rawValue >= 32 }
}
