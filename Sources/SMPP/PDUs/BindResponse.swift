import NIOCore

/// Body of the three bind responses (spec §4.1.2): the SMSC's system_id and optionally the
/// `sc_interface_version` TLV.
public struct BindResponse: Hashable, Sendable {
    public var systemID: String
    public var tlvs: TLVList

    public init(systemID: String, tlvs: TLVList = []) {
        self.systemID = systemID
        self.tlvs = tlvs
    }

    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> Self {
        let systemID = try buffer.readCString("system_id", maxLength: 16)
        return Self(systemID: systemID, tlvs: try TLVList.decode(from: &buffer))
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        try buffer.writeCString(systemID, field: "system_id", maxLength: 16)
        try tlvs.encode(into: &buffer)
    }
}
