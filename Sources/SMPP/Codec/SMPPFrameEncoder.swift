import NIOCore

/// Writes ``SMPPMessage``s as bytes; use with NIO's `MessageToByteHandler`.
///
/// Refuses a PDU over ``maxPDULength`` rather than sending what the peer's decoder would
/// reject as hostile.
public struct SMPPFrameEncoder: MessageToByteEncoder, Sendable {
    public typealias OutboundIn = SMPPMessage

    public let maxPDULength: Int

    public init(maxPDULength: Int = SMPPFrameDecoder.defaultMaxPDULength) {
        self.maxPDULength = maxPDULength
    }

    public func encode(data: SMPPMessage, out: inout ByteBuffer) throws {
        let start = out.writerIndex
        try data.encode(into: &out)
        let length = out.writerIndex - start
        guard length <= maxPDULength else {
            out.moveWriterIndex(to: start)
            throw SMPPEncodingError.pduTooLong(length: length, limit: maxPDULength)
        }
    }
}
