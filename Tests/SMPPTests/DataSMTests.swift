import NIOCore
import SMPP
import XCTest

final class DataSMTests: XCTestCase {
    // data_sm, spec §4.7.1: a USSD dial as USSD gateways send it over SMPP.
    let bytes: [UInt8] = [
        0x00, 0x00, 0x00, 0x43,  // command_length 67
        0x00, 0x00, 0x01, 0x03,  // command_id data_sm
        0x00, 0x00, 0x00, 0x00,  // command_status
        0x00, 0x00, 0x00, 0x0B,  // sequence_number 11
        0x55, 0x53, 0x53, 0x44, 0x00,  // service_type "USSD"
        0x01,  // source_addr_ton international
        0x01,  // source_addr_npi ISDN
        0x32, 0x35, 0x34, 0x37, 0x30, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x00,  // source_addr "254700123456"
        0x00,  // dest_addr_ton unknown
        0x00,  // dest_addr_npi unknown
        0x2A, 0x33, 0x33, 0x34, 0x23, 0x00,  // destination_addr "*334#"
        0x00,  // esm_class
        0x00,  // registered_delivery
        0x00,  // data_coding
        0x05, 0x01, 0x00, 0x01, 0x01,  // TLV ussd_service_op 0x0501, length 1, PSSR indication
        0x13, 0x83, 0x00, 0x02, 0x2A, 0x02,  // TLV its_session_info 0x1383, length 2: session 42, sequence 1, not ended
        0x04, 0x24, 0x00, 0x05, 0x2A, 0x33, 0x33, 0x34, 0x23,  // TLV message_payload 0x0424, length 5, "*334#"
    ]

    var message: SMPPMessage {
        var tlvs = TLVList()
        tlvs.ussdServiceOp = .pssrIndication
        tlvs.itsSessionInfo = ITSSessionInfo(sessionNumber: 42, sequenceNumber: 1, endOfSession: false)
        tlvs.messagePayload = Array("*334#".utf8)
        return SMPPMessage(
            sequenceNumber: 11,
            pdu: .dataSM(DataSM(
                serviceType: "USSD",
                source: .international("254700123456"),
                destination: Address("*334#"),
                tlvs: tlvs
            ))
        )
    }

    func testDataSM_ussdDial_matchesSpecLayout() throws {
        try SMPPTestSupport.assertVector(message, bytes)
    }

    func testDataSM_whenOneOctetShort_reportsTLVRunningPastEnd() {
        XCTAssertEqual(SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bytes))?.problem, .tlvRunsPastEnd(tag: 0x0424))
    }

    func testDataSM_whenOneOctetLong_reportsHalfReadTLV() {
        XCTAssertEqual(SMPPTestSupport.decodingError(SMPPTestSupport.longTwin(bytes))?.problem, .tlvRunsPastEnd(tag: 0))
    }

    func testDataSM_sessionInfo_readsSessionSequenceAndEnd() throws {
        guard case .dataSM(let data) = try SMPPTestSupport.decodeOne(bytes)?.pdu else { return XCTFail("not a data_sm") }
        let info = try XCTUnwrap(data.tlvs.itsSessionInfo)
        XCTAssertEqual(info.sessionNumber, 42)
        XCTAssertEqual(info.sequenceNumber, 1)
        XCTAssertFalse(info.endOfSession)
        XCTAssertEqual(data.tlvs.ussdServiceOp, .pssrIndication)
    }

    func testDataSM_whenSourceOverSixtyFiveOctets_reportsInvalidSource() {
        var body = bytes
        // source_addr occupies offsets 23..<36; data_sm allows 64 characters + NUL.
        body.replaceSubrange(23..<36, with: Array(repeating: UInt8(ascii: "1"), count: 65) + [0])
        body = SMPPTestSupport.withCommandLength(body, UInt32(body.count))
        let error = SMPPTestSupport.decodingError(body)
        XCTAssertEqual(error?.problem, .cStringTooLong(field: "source_addr", maxLength: 65))
        XCTAssertEqual(error?.responseStatus, .invalidSourceAddress)
    }
}
