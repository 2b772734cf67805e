import NIOCore

/// Body of `bind_transmitter`, `bind_receiver` and `bind_transceiver` (spec §4.1.1, §4.1.3,
/// §4.1.5): the three share one layout and differ only in `command_id`.
public struct BindRequest: Hashable, Sendable {
    /// Identifies the ESME to the SMSC (max 15 characters).
    public var systemID: String
    /// Max 8 characters.
    public var password: String
    /// Max 12 characters; often empty, some SMSCs route on it.
    public var systemType: String
    /// 0x34 for SMPP 3.4.
    public var interfaceVersion: UInt8
    /// For a receiver: which addresses it serves (the SMSC simulator routes handsets by it).
    public var addressRange: Address

    public init(
        systemID: String,
        password: String,
        systemType: String = "",
        interfaceVersion: UInt8 = 0x34,
        addressRange: Address = Address()
    ) {
        self.systemID = systemID
        self.password = password
        self.systemType = systemType
        self.interfaceVersion = interfaceVersion
        self.addressRange = addressRange
    }

    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> Self {
        let systemID = try buffer.readCString("system_id", maxLength: 16)
        let password = try buffer.readCString("password", maxLength: 9)
        let systemType = try buffer.readCString("system_type", maxLength: 13)
        let version: UInt8 = try buffer.readSMPPInteger("interface_version")
        let ton: UInt8 = try buffer.readSMPPInteger("addr_ton")
        let npi: UInt8 = try buffer.readSMPPInteger("addr_npi")
        let range = try buffer.readCString("address_range", maxLength: 41)
        try buffer.expectFullyRead()
        return Self(
            systemID: systemID, password: password, systemType: systemType, interfaceVersion: version,
            addressRange: Address(ton: TypeOfNumber(rawValue: ton), npi: NumberingPlanIndicator(rawValue: npi), range)
        )
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        try buffer.writeCString(systemID, field: "system_id", maxLength: 16)
        try buffer.writeCString(password, field: "password", maxLength: 9)
        try buffer.writeCString(systemType, field: "system_type", maxLength: 13)
        buffer.writeInteger(interfaceVersion)
        buffer.writeInteger(addressRange.ton.rawValue)
        buffer.writeInteger(addressRange.npi.rawValue)
        try buffer.writeCString(addressRange.address, field: "address_range", maxLength: 41)
    }
}
