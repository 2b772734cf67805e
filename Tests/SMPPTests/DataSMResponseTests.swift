import NIOCore
import SMPP
import XCTest

final class DataSMResponseTests: XCTestCase {
    // data_sm_resp, spec §4.7.2.
    let bytes: [UInt8] = [
        0x00, 0x00, 0x00, 0x18,  // command_length 24
        0x80, 0x00, 0x01, 0x03,  // command_id data_sm_resp
        0x00, 0x00, 0x00, 0x00,  // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x0B,  // sequence_number 11
        0x37, 0x37, 0x00,  // message_id "77"
        0x04, 0x25, 0x00, 0x01, 0x00,  // TLV delivery_failure_reason 0x0425, length 1, 0
    ]

    func testDataSMResp_matchesSpecLayout() throws {
        let body = DataSMResponse(messageID: "77", tlvs: [TLV(tag: .deliveryFailureReason, value: [0x00])])
        try SMPPTestSupport.assertVector(SMPPMessage(sequenceNumber: 11, pdu: .dataSMResp(body)), bytes)
    }

    func testDataSMResp_whenOneOctetShort_reportsTLVRunningPastEnd() {
        XCTAssertEqual(SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bytes))?.problem, .tlvRunsPastEnd(tag: 0x0425))
    }

    func testDataSMResp_whenOneOctetLong_reportsHalfReadTLV() {
        XCTAssertEqual(SMPPTestSupport.decodingError(SMPPTestSupport.longTwin(bytes))?.problem, .tlvRunsPastEnd(tag: 0))
    }
}
