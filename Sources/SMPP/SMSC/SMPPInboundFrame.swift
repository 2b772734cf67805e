import NIOCore

/// What a network session reads: a decoded PDU, or the reason some bytes were not one.
///
/// NIO's `ByteToMessageHandler` stops reading for good after its decoder throws, which would
/// turn one bad PDU into a dead link. Handing the error up as a value lets the session answer
/// with `generic_nack` (spec §4.3) and carry on when the framing is intact.
public enum SMPPInboundFrame: Sendable {
    case message(SMPPMessage)
    case malformed(SMPPDecodingError)
}

/// Wraps ``SMPPFrameDecoder`` so decoding errors become ``SMPPInboundFrame/malformed(_:)``.
///
/// After an error with broken framing (a `command_length` below 16 or over the cap) nothing that
/// follows can be trusted, so the rest of the stream is dropped; the session closes the link.
public struct SMPPInboundFrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = SMPPInboundFrame

    private var decoder: SMPPFrameDecoder
    private var framingLost = false

    public init(maxPDULength: Int = SMPPFrameDecoder.defaultMaxPDULength) {
        decoder = SMPPFrameDecoder(maxPDULength: maxPDULength)
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> SMPPInboundFrame? {
        if framingLost {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return nil
        }
        do {
            guard let message = try decoder.decodeFrame(buffer: &buffer) else { return nil }
            return .message(message)
        } catch {
            if !error.framingIntact {
                framingLost = true
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            }
            return .malformed(error)
        }
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> SMPPInboundFrame? {
        let frame = try decode(buffer: &buffer)
        if frame == nil, seenEOF {
            // A partial PDU at EOF is of no use to anyone; drop it quietly.
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        }
        return frame
    }
}
