import NIOCore
import SMPP
import XCTest

final class QuerySMResponseTests: XCTestCase {
    // query_sm_resp, spec §4.8.2.
    let bytes: [UInt8] = [
        0x00, 0x00, 0x00, 0x2C,  // command_length 44
        0x80, 0x00, 0x00, 0x03,  // command_id query_sm_resp
        0x00, 0x00, 0x00, 0x00,  // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x0C,  // sequence_number 12
        0x30, 0x41, 0x31, 0x42, 0x32, 0x43, 0x33, 0x44, 0x00,  // message_id "0A1B2C3D"
        0x32, 0x34, 0x30, 0x39, 0x30, 0x32, 0x31, 0x34,  // final_date "240902143100004+"
        0x33, 0x31, 0x30, 0x30, 0x30, 0x30, 0x34, 0x2B, 0x00,  //   ... and its NUL
        0x02,  // message_state DELIVERED
        0x00,  // error_code 0
    ]

    func testQuerySMResp_matchesSpecLayout() throws {
        let body = QuerySMResponse(messageID: "0A1B2C3D", finalDate: "240902143100004+", messageState: .delivered)
        try SMPPTestSupport.assertVector(SMPPMessage(sequenceNumber: 12, pdu: .querySMResp(body)), bytes)
    }

    func testQuerySMResp_whenOneOctetShort_reportsTruncatedErrorCode() {
        XCTAssertEqual(
            SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bytes))?.problem,
            .truncated(field: "error_code")
        )
    }

    func testQuerySMResp_whenOneOctetLong_reportsLeftoverBytes() {
        XCTAssertEqual(SMPPTestSupport.decodingError(SMPPTestSupport.longTwin(bytes))?.problem, .leftoverBytes(count: 1))
    }
}
