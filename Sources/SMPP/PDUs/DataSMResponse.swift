import NIOCore

/// Body of `data_sm_resp` (spec §4.7.2): the message id plus TLVs such as
/// `delivery_failure_reason` and `network_error_code`.
public struct DataSMResponse: Hashable, Sendable {
    public var messageID: String
    public var tlvs: TLVList

    public init(messageID: String, tlvs: TLVList = []) {
        self.messageID = messageID
        self.tlvs = tlvs
    }

    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> Self {
        let messageID = try buffer.readCString("message_id", maxLength: 65)
        return Self(messageID: messageID, tlvs: try TLVList.decode(from: &buffer))
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        try buffer.writeCString(messageID, field: "message_id", maxLength: 65)
        try tlvs.encode(into: &buffer)
    }
}
