import NIOCore
import NIOEmbedded
import NIOTestUtils
import SMPP
import XCTest

final class SMPPFrameDecoderTests: XCTestCase {
    let enquireLink: [UInt8] = [
        0x00, 0x00, 0x00, 0x10,  // command_length 16
        0x00, 0x00, 0x00, 0x15,  // command_id enquire_link
        0x00, 0x00, 0x00, 0x00,  // command_status
        0x00, 0x00, 0x00, 0x01,  // sequence_number 1
    ]
    let submitSMResp: [UInt8] = [
        0x00, 0x00, 0x00, 0x13,  // command_length 19
        0x80, 0x00, 0x00, 0x04,  // command_id submit_sm_resp
        0x00, 0x00, 0x00, 0x00,  // command_status
        0x00, 0x00, 0x00, 0x02,  // sequence_number 2
        0x61, 0x62, 0x00,  // message_id "ab"
    ]

    func header(length: UInt32, id: UInt32 = 0x0000_0015, sequence: UInt32 = 9) -> [UInt8] {
        var buffer = ByteBuffer()
        buffer.writeMultipleIntegers(length, id, UInt32(0), sequence)
        return Array(buffer.readableBytesView)
    }

    func makeChannel(maxPDULength: Int = SMPPFrameDecoder.defaultMaxPDULength) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMPPFrameDecoder(maxPDULength: maxPDULength)))
        return channel
    }

    func testDecoder_dripFedOneOctetAtATime_yieldsThePDUOnlyAtTheLastOctet() throws {
        let channel = try makeChannel()
        for octet in submitSMResp.dropLast() {
            XCTAssertTrue(try channel.writeInbound(ByteBuffer(bytes: [octet])).isEmpty)
            XCTAssertNil(try channel.readInbound(as: SMPPMessage.self))
        }
        try channel.writeInbound(ByteBuffer(bytes: [submitSMResp.last!]))
        let message = try channel.readInbound(as: SMPPMessage.self)
        XCTAssertEqual(message?.pdu, .submitSMResp(SubmitSMResponse(messageID: "ab")))
        XCTAssertTrue(try channel.finish().isClean)
    }

    func testDecoder_twoPDUsInOneBuffer_yieldsBothInOrder() throws {
        let channel = try makeChannel()
        try channel.writeInbound(ByteBuffer(bytes: enquireLink + submitSMResp))
        XCTAssertEqual(try channel.readInbound(as: SMPPMessage.self)?.pdu, .enquireLink)
        XCTAssertEqual(try channel.readInbound(as: SMPPMessage.self)?.sequenceNumber, 2)
        XCTAssertTrue(try channel.finish().isClean)
    }

    func testDecoder_pduSplitAcrossReadsWithTheNextOneStarted_yieldsFirstAndWaits() throws {
        let channel = try makeChannel()
        let stream = enquireLink + submitSMResp
        try channel.writeInbound(ByteBuffer(bytes: stream[0..<20]))
        XCTAssertEqual(try channel.readInbound(as: SMPPMessage.self)?.pdu, .enquireLink)
        XCTAssertNil(try channel.readInbound(as: SMPPMessage.self))
        try channel.writeInbound(ByteBuffer(bytes: stream[20...]))
        XCTAssertEqual(try channel.readInbound(as: SMPPMessage.self)?.sequenceNumber, 2)
        XCTAssertTrue(try channel.finish().isClean)
    }

    func testDecoder_verifierBatchesAndDripFeeds() throws {
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: [
                (ByteBuffer(bytes: enquireLink), [SMPPMessage(sequenceNumber: 1, pdu: .enquireLink)]),
                (ByteBuffer(bytes: submitSMResp), [SMPPMessage(sequenceNumber: 2, pdu: .submitSMResp(SubmitSMResponse(messageID: "ab")))]),
            ],
            decoderFactory: { SMPPFrameDecoder() }
        )
    }

    func testDecoder_whenLengthIsHuge_refusesWithOnlyTheHeaderReceived() {
        // 4 GiB declared: refused on the 16 header octets, nothing buffered for the body.
        let error = SMPPTestSupport.decodingError(header(length: 0xFFFF_FFFF, sequence: 77))
        XCTAssertEqual(error?.problem, .commandLengthOverLimit(0xFFFF_FFFF, limit: SMPPFrameDecoder.defaultMaxPDULength))
        XCTAssertEqual(error?.sequenceNumber, 77)
        XCTAssertEqual(error?.responseStatus, .invalidCommandLength)
        XCTAssertEqual(error?.framingIntact, false)
    }

    func testDecoder_whenLengthOneOverTheCap_refuses() {
        let error = SMPPTestSupport.decodingError(header(length: 1025), maxPDULength: 1024)
        XCTAssertEqual(error?.problem, .commandLengthOverLimit(1025, limit: 1024))
    }

    func testDecoder_whenLengthExactlyTheCap_waitsForTheBody() throws {
        var decoder = SMPPFrameDecoder(maxPDULength: 1024)
        var buffer = ByteBuffer(bytes: header(length: 1024))
        XCTAssertNil(try decoder.decodeFrame(buffer: &buffer))
        XCTAssertEqual(buffer.readableBytes, 16, "nothing consumed while the body is missing")
    }

    func testDecoder_whenLengthZero_refuses() {
        XCTAssertEqual(SMPPTestSupport.decodingError(header(length: 0))?.problem, .commandLengthTooShort(0))
    }

    func testDecoder_maliciousLengthInPipeline_firesErrorAndStops() throws {
        let channel = try makeChannel(maxPDULength: 512)
        XCTAssertThrowsError(try channel.writeInbound(ByteBuffer(bytes: header(length: 0x7FFF_FFFF)))) { error in
            XCTAssertEqual((error as? SMPPDecodingError)?.problem, .commandLengthOverLimit(0x7FFF_FFFF, limit: 512))
        }
        _ = try? channel.finish()
    }

    func testDecoder_unknownCommandID_namesItAndTheSequenceNumberAndConsumesThePDU() throws {
        var decoder = SMPPFrameDecoder()
        // command_id 0x00000099 is not defined by SMPP 3.4.
        var buffer = ByteBuffer(bytes: header(length: 18, id: 0x0000_0099, sequence: 31) + [0xAA, 0xBB] + enquireLink)
        XCTAssertThrowsError(try decoder.decodeFrame(buffer: &buffer)) { error in
            let error = error as? SMPPDecodingError
            XCTAssertEqual(error?.problem, .unknownCommandID(0x99))
            XCTAssertEqual(error?.sequenceNumber, 31)
            XCTAssertEqual(error?.responseStatus, .invalidCommandID)
            XCTAssertEqual(error?.framingIntact, true)
        }
        // The stream is still in step: the next PDU decodes.
        XCTAssertEqual(try decoder.decodeFrame(buffer: &buffer)?.pdu, .enquireLink)
    }

    func testDecoder_errorDescription_namesProblemCommandAndSequence() {
        let error = SMPPDecodingError(.missingCStringTerminator(field: "message_id"), commandID: 0x8000_0004, sequenceNumber: 2)
        XCTAssertEqual(
            error.description,
            "SMPP decoding error: message_id has no NUL terminator in submit_sm_resp (sequence_number 2)"
        )
    }

    func testDecoder_randomGarbage_neverTraps() {
        // Fuzz-style: arbitrary bytes behind a plausible header must only ever throw or wait.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let bodyLength = Int.random(in: 0...64, using: &generator)
            let id = CommandID.allCases.randomElement(using: &generator)!.rawValue
            var bytes = header(length: UInt32(16 + bodyLength), id: id)
            bytes += (0..<bodyLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var decoder = SMPPFrameDecoder()
            var buffer = ByteBuffer(bytes: bytes)
            _ = try? decoder.decodeFrame(buffer: &buffer)
        }
    }

    func testEncoder_inPipeline_writesTheSpecBytes() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(SMPPFrameEncoder()))
        try channel.writeOutbound(SMPPMessage(sequenceNumber: 1, pdu: .enquireLink))
        let written = try channel.readOutbound(as: ByteBuffer.self)
        XCTAssertEqual(written.map { Array($0.readableBytesView) }, enquireLink)
        XCTAssertTrue(try channel.finish().isClean)
    }

    func testEncoder_whenPDUOverTheCap_refusesAndWritesNothing() throws {
        var submit = SubmitSM(source: .alphanumeric("MPESA"), destination: .international("254700123456"))
        submit.tlvs.messagePayload = Array(repeating: 0x41, count: 300)
        var out = ByteBuffer()
        XCTAssertThrowsError(try SMPPFrameEncoder(maxPDULength: 256).encode(data: SMPPMessage(sequenceNumber: 1, pdu: .submitSM(submit)), out: &out))
        XCTAssertEqual(out.readableBytes, 0)
    }
}
