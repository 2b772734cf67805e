import NIOCore
import NIOTestUtils
import SMPP
import XCTest

/// Shared checks for the PDU tests: every vector is encoded, decoded, and pushed through NIO's
/// `ByteToMessageDecoderVerifier` (which drip-feeds and batches it).
enum SMPPTestSupport {
    static func encode(_ message: SMPPMessage) throws -> [UInt8] {
        var buffer = ByteBuffer()
        try message.encode(into: &buffer)
        return Array(buffer.readableBytesView)
    }

    /// Decodes `bytes` as exactly one PDU, failing if anything is left over.
    static func decodeOne(_ bytes: [UInt8], maxPDULength: Int = SMPPFrameDecoder.defaultMaxPDULength) throws -> SMPPMessage? {
        var decoder = SMPPFrameDecoder(maxPDULength: maxPDULength)
        var buffer = ByteBuffer(bytes: bytes)
        let message = try decoder.decodeFrame(buffer: &buffer)
        XCTAssertEqual(buffer.readableBytes, 0, "bytes left after one PDU")
        return message
    }

    /// The decoding error for `bytes`, or nil if they decoded.
    static func decodingError(_ bytes: [UInt8], maxPDULength: Int = SMPPFrameDecoder.defaultMaxPDULength) -> SMPPDecodingError? {
        var decoder = SMPPFrameDecoder(maxPDULength: maxPDULength)
        var buffer = ByteBuffer(bytes: bytes)
        do {
            _ = try decoder.decodeFrame(buffer: &buffer)
            return nil
        } catch {
            return error
        }
    }

    /// The spec vector round trip: encodes to `bytes`, decodes from them, survives the verifier.
    static func assertVector(
        _ message: SMPPMessage,
        _ bytes: [UInt8],
        file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        XCTAssertEqual(try encode(message), bytes, "encoding", file: file, line: line)
        XCTAssertEqual(try decodeOne(bytes), message, "decoding", file: file, line: line)
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: [(ByteBuffer(bytes: bytes), [message])],
            decoderFactory: { SMPPFrameDecoder() }
        )
    }

    /// The vector with `command_length` rewritten, for wrong-length twins.
    static func withCommandLength(_ bytes: [UInt8], _ length: UInt32) -> [UInt8] {
        var copy = bytes
        copy[0] = UInt8(length >> 24)
        copy[1] = UInt8(truncatingIfNeeded: length >> 16)
        copy[2] = UInt8(truncatingIfNeeded: length >> 8)
        copy[3] = UInt8(truncatingIfNeeded: length)
        return copy
    }

    /// The twin one octet short: last octet dropped and `command_length` reduced to match, so
    /// the frame is well formed but its body ends early.
    static func shortTwin(_ bytes: [UInt8]) -> [UInt8] {
        withCommandLength(Array(bytes.dropLast()), UInt32(bytes.count - 1))
    }

    /// The twin one octet long: a stray 0x00 appended and counted in `command_length`.
    static func longTwin(_ bytes: [UInt8]) -> [UInt8] {
        withCommandLength(bytes + [0x00], UInt32(bytes.count + 1))
    }
}
