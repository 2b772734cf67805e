import NIOCore

/// Body of `submit_sm_resp` (spec §4.4.2): the SMSC's id for the accepted message, which
/// delivery receipts will quote (maybe in another base; see ``MessageID``).
///
/// The spec sends no body when `command_status` is non-zero; the encoder then leaves it out
/// and the decoder reads an empty body as an empty id.
public struct SubmitSMResponse: Hashable, Sendable {
    public var messageID: String

    public init(messageID: String) { self.messageID = messageID }

    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> Self {
        let messageID = try buffer.readCString("message_id", maxLength: 65)
        try buffer.expectFullyRead()
        return Self(messageID: messageID)
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        try buffer.writeCString(messageID, field: "message_id", maxLength: 65)
    }
}
