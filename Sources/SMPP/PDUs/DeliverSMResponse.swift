import NIOCore

/// Body of `deliver_sm_resp` (spec §4.6.2): a `message_id` the spec says is unused and NULL.
public struct DeliverSMResponse: Hashable, Sendable {
    public var messageID: String

    public init(messageID: String = "") { self.messageID = messageID }

    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> Self {
        let messageID = try buffer.readCString("message_id", maxLength: 65)
        try buffer.expectFullyRead()
        return Self(messageID: messageID)
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        try buffer.writeCString(messageID, field: "message_id", maxLength: 65)
    }
}
