/// `esm_class` (spec §5.2.12): messaging mode (bits 1–0), message type (bits 5–2) and GSM
/// features (bits 7–6). Kept as the raw octet with named views, because SMSCs combine bits.
public struct ESMClass: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let `default` = Self(rawValue: 0x00)
    public static let datagramMode = Self(rawValue: 0x01)
    public static let forwardMode = Self(rawValue: 0x02)
    public static let storeAndForwardMode = Self(rawValue: 0x03)
    /// In a `deliver_sm`: the message is an SMSC delivery receipt.
    public static let deliveryReceipt = Self(rawValue: 0x04)
    /// In a `deliver_sm`: an intermediate delivery notification.
    public static let intermediateNotification = Self(rawValue: 0x20)
    /// `short_message` starts with a User Data Header (concatenation, ports).
    public static let udhIndicator = Self(rawValue: 0x40)
    public static let replyPath = Self(rawValue: 0x80)

    private static let typeMask: UInt8 = 0x3C

    /// UDHI: the short message begins with a User Data Header.
    public var hasUDH: Bool {
        get { rawValue & Self.udhIndicator.rawValue != 0 }
        set { rawValue = newValue ? rawValue | 0x40 : rawValue & ~0x40 }
    }

    /// The message type bits say SMSC delivery receipt.
    public var isDeliveryReceipt: Bool { rawValue & Self.typeMask == Self.deliveryReceipt.rawValue }

    /// The message type bits say intermediate delivery notification.
    public var isIntermediateNotification: Bool { rawValue & Self.typeMask == Self.intermediateNotification.rawValue }

    public func union(_ other: ESMClass) -> ESMClass { ESMClass(rawValue: rawValue | other.rawValue) }
}
