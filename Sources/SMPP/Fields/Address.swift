/// An SME address as SMPP carries it: TON, NPI and the digits (or alphanumeric sender).
public struct Address: Hashable, Sendable, CustomStringConvertible {
    public var ton: TypeOfNumber
    public var npi: NumberingPlanIndicator
    public var address: String

    public init(ton: TypeOfNumber = .unknown, npi: NumberingPlanIndicator = .unknown, _ address: String = "") {
        self.ton = ton
        self.npi = npi
        self.address = address
    }

    /// An international MSISDN (TON 1, NPI 1), the form PesaGate sends to.
    public static func international(_ msisdn: String) -> Address {
        Address(ton: .international, npi: .isdn, msisdn)
    }

    /// An alphanumeric sender (TON 5), e.g. `MPESA`.
    public static func alphanumeric(_ name: String) -> Address {
        Address(ton: .alphanumeric, npi: .unknown, name)
    }

    public var description: String { "\(address) (ton \(ton.rawValue), npi \(npi.rawValue))" }
}
