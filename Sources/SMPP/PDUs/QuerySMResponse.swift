import NIOCore

/// Body of `query_sm_resp` (spec §4.8.2): the message's state, when it reached it, and the
/// network error code if it failed.
public struct QuerySMResponse: Hashable, Sendable {
    public var messageID: String
    /// When the message reached a final state (absolute time format); empty while pending.
    public var finalDate: String
    public var messageState: MessageState
    public var errorCode: UInt8

    public init(messageID: String, finalDate: String = "", messageState: MessageState, errorCode: UInt8 = 0) {
        self.messageID = messageID
        self.finalDate = finalDate
        self.messageState = messageState
        self.errorCode = errorCode
    }

    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> Self {
        let messageID = try buffer.readCString("message_id", maxLength: 65)
        let finalDate = try buffer.readCString("final_date", maxLength: 17)
        let state: UInt8 = try buffer.readSMPPInteger("message_state")
        let errorCode: UInt8 = try buffer.readSMPPInteger("error_code")
        try buffer.expectFullyRead()
        return Self(messageID: messageID, finalDate: finalDate, messageState: MessageState(rawValue: state), errorCode: errorCode)
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        try buffer.writeCString(messageID, field: "message_id", maxLength: 65)
        try buffer.writeCString(finalDate, field: "final_date", maxLength: 17)
        buffer.writeInteger(messageState.rawValue)
        buffer.writeInteger(errorCode)
    }
}
