import NIOCore
import SMPP
import XCTest

final class SubmitSMResponseTests: XCTestCase {
    // submit_sm_resp, spec §4.4.2.
    let bytes: [UInt8] = [
        0x00, 0x00, 0x00, 0x19,  // command_length 25
        0x80, 0x00, 0x00, 0x04,  // command_id submit_sm_resp
        0x00, 0x00, 0x00, 0x00,  // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x02,  // sequence_number 2
        0x30, 0x41, 0x31, 0x42, 0x32, 0x43, 0x33, 0x44, 0x00,  // message_id "0A1B2C3D"
    ]

    func testSubmitSMResp_matchesSpecLayout() throws {
        let message = SMPPMessage(sequenceNumber: 2, pdu: .submitSMResp(SubmitSMResponse(messageID: "0A1B2C3D")))
        try SMPPTestSupport.assertVector(message, bytes)
    }

    func testSubmitSMResp_whenOneOctetShort_reportsMissingTerminator() {
        let error = SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bytes))
        XCTAssertEqual(error?.problem, .missingCStringTerminator(field: "message_id"))
        XCTAssertEqual(error?.responseStatus, .invalidMessageID)
    }

    func testSubmitSMResp_whenOneOctetLong_reportsLeftoverBytes() {
        XCTAssertEqual(SMPPTestSupport.decodingError(SMPPTestSupport.longTwin(bytes))?.problem, .leftoverBytes(count: 1))
    }

    func testSubmitSMResp_whenThrottled_isHeaderOnlyBothWays() throws {
        // Spec §4.4.2: no body when command_status is non-zero.
        let bytes: [UInt8] = [
            0x00, 0x00, 0x00, 0x10,  // command_length 16
            0x80, 0x00, 0x00, 0x04,  // command_id submit_sm_resp
            0x00, 0x00, 0x00, 0x58,  // command_status ESME_RTHROTTLED
            0x00, 0x00, 0x00, 0x02,  // sequence_number 2
        ]
        let message = SMPPMessage(sequenceNumber: 2, status: .throttled, pdu: .submitSMResp(SubmitSMResponse(messageID: "")))
        try SMPPTestSupport.assertVector(message, bytes)
    }

    func testSubmitSMResp_whenOKButEmptyBody_reportsMissingMessageID() {
        let bytes: [UInt8] = [
            0x00, 0x00, 0x00, 0x10,  // command_length 16
            0x80, 0x00, 0x00, 0x04,  // command_id submit_sm_resp
            0x00, 0x00, 0x00, 0x00,  // command_status ESME_ROK: a message_id is required
            0x00, 0x00, 0x00, 0x02,  // sequence_number 2
        ]
        XCTAssertEqual(SMPPTestSupport.decodingError(bytes)?.problem, .missingCStringTerminator(field: "message_id"))
    }
}
