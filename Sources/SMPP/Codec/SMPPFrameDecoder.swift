import NIOCore

/// Cuts the byte stream into SMPP PDUs and decodes them, one step at a time.
///
/// Reads the 16-octet header first and checks `command_length` (which counts itself) against
/// the header size and ``maxPDULength`` before waiting for the body, so a hostile length is
/// refused with 16 octets in hand, not after buffering it. A PDU whose body is bad is consumed
/// whole before the error is thrown (``SMPPDecodingError/framingIntact``), so a caller driving
/// the decoder itself can answer with `generic_nack` and go on with the next PDU.
public struct SMPPFrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = SMPPMessage

    /// Default cap: a 64 KiB `message_payload` plus room for every other field.
    public static let defaultMaxPDULength = 65_536 + 4_096

    /// The largest `command_length` accepted.
    public let maxPDULength: Int

    public init(maxPDULength: Int = SMPPFrameDecoder.defaultMaxPDULength) {
        self.maxPDULength = max(maxPDULength, SMPPMessage.headerLength)
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> SMPPMessage? {
        try decodeFrame(buffer: &buffer)
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> SMPPMessage? {
        // A partial PDU at EOF is left in the buffer for NIO to report as leftover data.
        try decodeFrame(buffer: &buffer)
    }

    /// The same step with the error type spelled out, for callers outside a channel pipeline.
    public mutating func decodeFrame(buffer: inout ByteBuffer) throws(SMPPDecodingError) -> SMPPMessage? {
        guard buffer.readableBytes >= SMPPMessage.headerLength,
              let length = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self),
              let commandID = buffer.getInteger(at: buffer.readerIndex + 4, endianness: .big, as: UInt32.self),
              let sequenceNumber = buffer.getInteger(at: buffer.readerIndex + 12, endianness: .big, as: UInt32.self)
        else {
            return nil
        }
        guard length >= UInt32(SMPPMessage.headerLength) else {
            throw SMPPDecodingError(.commandLengthTooShort(length), commandID: commandID, sequenceNumber: sequenceNumber)
        }
        guard length <= UInt32(maxPDULength) else {
            throw SMPPDecodingError(
                .commandLengthOverLimit(length, limit: maxPDULength),
                commandID: commandID,
                sequenceNumber: sequenceNumber
            )
        }
        // The length is now known to be small, so the slice is bounded.
        guard var frame = buffer.readSlice(length: Int(length)) else { return nil }
        return try SMPPMessage.decode(frame: &frame)
    }
}
