import NIOCore

/// Body of `query_sm` (spec §4.8.1): asks the state of a message the ESME submitted.
/// The source address must match the one used when submitting.
public struct QuerySM: Hashable, Sendable {
    public var messageID: String
    public var source: Address

    public init(messageID: String, source: Address) {
        self.messageID = messageID
        self.source = source
    }

    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> Self {
        let messageID = try buffer.readCString("message_id", maxLength: 65)
        let ton: UInt8 = try buffer.readSMPPInteger("source_addr_ton")
        let npi: UInt8 = try buffer.readSMPPInteger("source_addr_npi")
        let source = try buffer.readCString("source_addr", maxLength: 21)
        try buffer.expectFullyRead()
        return Self(messageID: messageID, source: Address(ton: .init(rawValue: ton), npi: .init(rawValue: npi), source))
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        try buffer.writeCString(messageID, field: "message_id", maxLength: 65)
        buffer.writeInteger(source.ton.rawValue)
        buffer.writeInteger(source.npi.rawValue)
        try buffer.writeCString(source.address, field: "source_addr", maxLength: 21)
    }
}
