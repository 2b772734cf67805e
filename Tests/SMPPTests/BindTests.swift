import NIOCore
import SMPP
import XCTest

final class BindTests: XCTestCase {
    // bind_transmitter, spec §4.1.1.
    let bindTransmitterBytes: [UInt8] = [
        0x00, 0x00, 0x00, 0x2F,  // command_length 47
        0x00, 0x00, 0x00, 0x02,  // command_id bind_transmitter
        0x00, 0x00, 0x00, 0x00,  // command_status
        0x00, 0x00, 0x00, 0x01,  // sequence_number 1
        0x53, 0x4D, 0x50, 0x50, 0x33, 0x54, 0x45, 0x53, 0x54, 0x00,  // system_id "SMPP3TEST"
        0x73, 0x65, 0x63, 0x72, 0x65, 0x74, 0x30, 0x38, 0x00,  // password "secret08"
        0x53, 0x55, 0x42, 0x4D, 0x49, 0x54, 0x31, 0x00,  // system_type "SUBMIT1"
        0x34,  // interface_version 3.4
        0x01,  // addr_ton international
        0x01,  // addr_npi ISDN
        0x00,  // address_range ""
    ]

    let bindTransmitter = SMPPMessage(
        sequenceNumber: 1,
        pdu: .bindTransmitter(BindRequest(
            systemID: "SMPP3TEST", password: "secret08", systemType: "SUBMIT1",
            addressRange: Address(ton: .international, npi: .isdn, "")
        ))
    )

    // bind_receiver, spec §4.1.3: a handset binding for its own number.
    let bindReceiverBytes: [UInt8] = [
        0x00, 0x00, 0x00, 0x2D,  // command_length 45
        0x00, 0x00, 0x00, 0x01,  // command_id bind_receiver
        0x00, 0x00, 0x00, 0x00,  // command_status
        0x00, 0x00, 0x00, 0x07,  // sequence_number 7
        0x68, 0x61, 0x6E, 0x64, 0x73, 0x65, 0x74, 0x73, 0x00,  // system_id "handsets"
        0x70, 0x77, 0x00,  // password "pw"
        0x00,  // system_type ""
        0x34,  // interface_version 3.4
        0x01,  // addr_ton international
        0x01,  // addr_npi ISDN
        0x32, 0x35, 0x34, 0x37, 0x30, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x00,  // address_range "254700123456"
    ]

    // bind_transceiver_resp, spec §4.1.6, with the sc_interface_version TLV.
    let bindTransceiverRespBytes: [UInt8] = [
        0x00, 0x00, 0x00, 0x1A,  // command_length 26
        0x80, 0x00, 0x00, 0x09,  // command_id bind_transceiver_resp
        0x00, 0x00, 0x00, 0x00,  // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x01,  // sequence_number 1
        0x53, 0x4D, 0x53, 0x43, 0x00,  // system_id "SMSC"
        0x02, 0x10, 0x00, 0x01, 0x34,  // TLV sc_interface_version 0x0210, length 1, value 0x34
    ]

    func testBindTransmitter_matchesSpecLayout() throws {
        try SMPPTestSupport.assertVector(bindTransmitter, bindTransmitterBytes)
    }

    func testBindTransmitter_whenOneOctetShort_reportsMissingTerminator() {
        let error = SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bindTransmitterBytes))
        XCTAssertEqual(error?.problem, .missingCStringTerminator(field: "address_range"))
        XCTAssertEqual(error?.sequenceNumber, 1)
        XCTAssertEqual(error?.commandID, CommandID.bindTransmitter.rawValue)
    }

    func testBindTransmitter_whenOneOctetLong_reportsLeftoverBytes() {
        let error = SMPPTestSupport.decodingError(SMPPTestSupport.longTwin(bindTransmitterBytes))
        XCTAssertEqual(error?.problem, .leftoverBytes(count: 1))
        XCTAssertEqual(error?.responseStatus, .invalidCommandLength)
    }

    func testBindReceiver_carriesAddressRange() throws {
        let message = SMPPMessage(
            sequenceNumber: 7,
            pdu: .bindReceiver(BindRequest(
                systemID: "handsets", password: "pw", addressRange: .international("254700123456")
            ))
        )
        try SMPPTestSupport.assertVector(message, bindReceiverBytes)
    }

    func testBindReceiver_whenOneOctetShort_reportsMissingTerminator() {
        let error = SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bindReceiverBytes))
        XCTAssertEqual(error?.problem, .missingCStringTerminator(field: "address_range"))
    }

    func testBindTransceiver_sharesTheBindLayout() throws {
        // Same body as bind_transmitter; only command_id (0x00000009) differs.
        var bytes = bindTransmitterBytes
        bytes[7] = 0x09
        var message = bindTransmitter
        if case .bindTransmitter(let body) = bindTransmitter.pdu { message.pdu = .bindTransceiver(body) }
        try SMPPTestSupport.assertVector(message, bytes)
    }

    func testBindTransceiverResp_readsInterfaceVersionTLV() throws {
        var tlvs = TLVList()
        tlvs.scInterfaceVersion = 0x34
        let message = SMPPMessage(sequenceNumber: 1, pdu: .bindTransceiverResp(BindResponse(systemID: "SMSC", tlvs: tlvs)))
        try SMPPTestSupport.assertVector(message, bindTransceiverRespBytes)
    }

    func testBindTransceiverResp_whenTLVCutShort_reportsTLVRunningPastEnd() {
        let error = SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bindTransceiverRespBytes))
        XCTAssertEqual(error?.problem, .tlvRunsPastEnd(tag: 0x0210))
        XCTAssertEqual(error?.responseStatus, .invalidOptionalParameterStream)
    }

    func testBindResp_whenPasswordWrong_comesWithoutBody() throws {
        let bytes: [UInt8] = [
            0x00, 0x00, 0x00, 0x10,  // command_length 16: header only
            0x80, 0x00, 0x00, 0x02,  // command_id bind_transmitter_resp
            0x00, 0x00, 0x00, 0x0E,  // command_status ESME_RINVPASWD
            0x00, 0x00, 0x00, 0x01,  // sequence_number 1
        ]
        let message = try SMPPTestSupport.decodeOne(bytes)
        XCTAssertEqual(message?.status, .invalidPassword)
        XCTAssertEqual(message?.pdu, .bindTransmitterResp(BindResponse(systemID: "")))
    }

    func testBind_whenSystemIDOverSixteenOctets_reportsTooLongWithInvalidSystemIDStatus() {
        var bytes = bindTransmitterBytes
        // Replace "SMPP3TEST\0" with a 16-character system_id + NUL (the limit is 15 + NUL).
        bytes.replaceSubrange(16..<26, with: Array("ABCDEFGHIJKLMNOP".utf8) + [0])
        bytes = SMPPTestSupport.withCommandLength(bytes, UInt32(bytes.count))
        let error = SMPPTestSupport.decodingError(bytes)
        XCTAssertEqual(error?.problem, .cStringTooLong(field: "system_id", maxLength: 16))
        XCTAssertEqual(error?.responseStatus, .invalidSystemID)
    }

    func testBind_whenPasswordOverEightCharacters_refusesToEncode() {
        let message = SMPPMessage(sequenceNumber: 1, pdu: .bindTransceiver(BindRequest(systemID: "a", password: "123456789")))
        XCTAssertThrowsError(try SMPPTestSupport.encode(message)) { error in
            XCTAssertEqual(error as? SMPPEncodingError, .cStringTooLong(field: "password", maxLength: 9))
        }
    }
}
