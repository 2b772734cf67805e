import NIOCore
import SMPP
import XCTest

final class SubmitSMTests: XCTestCase {
    // submit_sm, spec §4.4.1: the confirmation SMS from MPESA to a handset, receipt requested.
    let bytes: [UInt8] = [
        0x00, 0x00, 0x00, 0x52,  // command_length 82
        0x00, 0x00, 0x00, 0x04,  // command_id submit_sm
        0x00, 0x00, 0x00, 0x00,  // command_status
        0x00, 0x00, 0x00, 0x02,  // sequence_number 2
        0x00,  // service_type "" (SMSC default)
        0x05,  // source_addr_ton alphanumeric
        0x00,  // source_addr_npi unknown
        0x4D, 0x50, 0x45, 0x53, 0x41, 0x00,  // source_addr "MPESA"
        0x01,  // dest_addr_ton international
        0x01,  // dest_addr_npi ISDN
        0x32, 0x35, 0x34, 0x37, 0x30, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x00,  // destination_addr "254700123456"
        0x00,  // esm_class default
        0x00,  // protocol_id
        0x00,  // priority_flag
        0x00,  // schedule_delivery_time "" (now)
        0x30, 0x30, 0x30, 0x30, 0x30, 0x31, 0x30, 0x30,  // validity_period "000001000000000R" (1 day, relative)
        0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x52, 0x00,  //   ... and its NUL
        0x01,  // registered_delivery: receipt on success or failure
        0x00,  // replace_if_present_flag
        0x00,  // data_coding SMSC default (GSM 03.38)
        0x00,  // sm_default_msg_id
        0x0A,  // sm_length 10
        0x43, 0x6F, 0x6E, 0x66, 0x69, 0x72, 0x6D, 0x65, 0x64, 0x2E,  // short_message "Confirmed." as unpacked septets
        0x02, 0x04, 0x00, 0x02, 0x30, 0x39,  // TLV user_message_reference 0x0204, length 2, 12345
    ]

    var message: SMPPMessage {
        var tlvs = TLVList()
        tlvs.userMessageReference = 12345
        return SMPPMessage(
            sequenceNumber: 2,
            pdu: .submitSM(SubmitSM(
                source: .alphanumeric("MPESA"),
                destination: .international("254700123456"),
                validityPeriod: "000001000000000R",
                registeredDelivery: .onSuccessOrFailure,
                dataCoding: .smscDefault,
                shortMessage: Array("Confirmed.".utf8),
                tlvs: tlvs
            ))
        )
    }

    func testSubmitSM_matchesSpecLayout() throws {
        try SMPPTestSupport.assertVector(message, bytes)
    }

    func testSubmitSM_whenOneOctetShort_reportsTLVRunningPastEnd() {
        let error = SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bytes))
        XCTAssertEqual(error?.problem, .tlvRunsPastEnd(tag: 0x0204))
        XCTAssertEqual(error?.sequenceNumber, 2)
    }

    func testSubmitSM_whenSMLengthPointsPastTheEnd_reportsTruncatedShortMessage() {
        // sm_length 10 but only "Confirmed" (9 octets) follows and no TLV.
        let cut = Array(bytes[0..<(bytes.count - 7)])
        let error = SMPPTestSupport.decodingError(SMPPTestSupport.withCommandLength(cut, UInt32(cut.count)))
        XCTAssertEqual(error?.problem, .truncated(field: "short_message"))
    }

    func testSubmitSM_whenOneOctetLong_reportsHalfReadTLV() {
        // A stray octet after the TLVs is the start of a TLV header that never finishes.
        let error = SMPPTestSupport.decodingError(SMPPTestSupport.longTwin(bytes))
        XCTAssertEqual(error?.problem, .tlvRunsPastEnd(tag: 0))
    }

    func testSubmitSM_whenDestinationOverTwentyOneOctets_reportsInvalidDestination() {
        var body = bytes
        // destination_addr occupies offsets 27..<40; make it 21 digits + NUL.
        body.replaceSubrange(27..<40, with: Array("254700123456789012345".utf8) + [0])
        body = SMPPTestSupport.withCommandLength(body, UInt32(body.count))
        let error = SMPPTestSupport.decodingError(body)
        XCTAssertEqual(error?.problem, .cStringTooLong(field: "destination_addr", maxLength: 21))
        XCTAssertEqual(error?.responseStatus, .invalidDestinationAddress)
    }

    func testSubmitSM_whenKnownTLVHasWrongLength_reportsInvalidTLVLength() {
        var body = bytes
        body.replaceSubrange((body.count - 6)..., with: [0x02, 0x04, 0x00, 0x01, 0x30])  // user_message_reference, length 1
        body = SMPPTestSupport.withCommandLength(body, UInt32(body.count))
        let error = SMPPTestSupport.decodingError(body)
        XCTAssertEqual(error?.problem, .invalidTLVLength(tag: 0x0204, length: 1))
    }

    func testSubmitSM_unknownTLV_isKeptAndReencodedUnchanged() throws {
        var body = bytes
        body += [0x14, 0x00, 0x00, 0x02, 0xAB, 0xCD]  // vendor TLV 0x1400, length 2
        body = SMPPTestSupport.withCommandLength(body, UInt32(body.count))
        let decoded = try XCTUnwrap(SMPPTestSupport.decodeOne(body))
        guard case .submitSM(let submit) = decoded.pdu else { return XCTFail("not a submit_sm") }
        XCTAssertEqual(submit.tlvs[TLVTag(0x1400)], [0xAB, 0xCD])
        XCTAssertEqual(try SMPPTestSupport.encode(decoded), body)
    }

    func testSubmitSM_withShortMessageAndMessagePayload_refusesToEncode() {
        var submit = SubmitSM(source: .alphanumeric("MPESA"), destination: .international("254700123456"))
        submit.shortMessage = [0x41]
        submit.tlvs.messagePayload = [0x42]
        XCTAssertThrowsError(try SMPPTestSupport.encode(SMPPMessage(sequenceNumber: 1, pdu: .submitSM(submit)))) { error in
            XCTAssertEqual(error as? SMPPEncodingError, .shortMessageAndMessagePayload)
        }
    }

    func testSubmitSM_withShortMessageOver254Octets_refusesToEncode() {
        var submit = SubmitSM(source: .alphanumeric("MPESA"), destination: .international("254700123456"))
        submit.shortMessage = Array(repeating: 0x41, count: 255)
        XCTAssertThrowsError(try SMPPTestSupport.encode(SMPPMessage(sequenceNumber: 1, pdu: .submitSM(submit)))) { error in
            XCTAssertEqual(error as? SMPPEncodingError, .shortMessageTooLong(255))
        }
    }
}
