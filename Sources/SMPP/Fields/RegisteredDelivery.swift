/// `registered_delivery` (spec §5.2.17): bits 1–0 ask for an SMSC delivery receipt, bit 4 for
/// intermediate notifications.
public struct RegisteredDelivery: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let none = Self(rawValue: 0x00)
    /// Receipt on final outcome, success or failure.
    public static let onSuccessOrFailure = Self(rawValue: 0x01)
    /// Receipt only when delivery failed (simulators often forget this one).
    public static let onFailure = Self(rawValue: 0x02)
    public static let intermediateNotification = Self(rawValue: 0x10)

    public enum ReceiptRequest: Sendable, Hashable { case none, onSuccessOrFailure, onFailure, reserved }

    /// What bits 1–0 ask for.
    public var receiptRequest: ReceiptRequest {
        switch rawValue & 0x03 {
        case 0: .none
        case 1: .onSuccessOrFailure
        case 2: .onFailure
        default: .reserved
        }
    }

    public var wantsIntermediateNotification: Bool { rawValue & 0x10 != 0 }

    /// Whether a receipt is due for a message that ended successfully (`delivered`) or not.
    public func wantsReceipt(delivered: Bool) -> Bool {
        switch receiptRequest {
        case .onSuccessOrFailure: true
        case .onFailure: !delivered
        case .none, .reserved: false
        }
    }

    public func union(_ other: RegisteredDelivery) -> RegisteredDelivery {
        RegisteredDelivery(rawValue: rawValue | other.rawValue)
    }
}
