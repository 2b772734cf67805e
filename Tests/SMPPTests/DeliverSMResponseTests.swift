import NIOCore
import SMPP
import XCTest

final class DeliverSMResponseTests: XCTestCase {
    // deliver_sm_resp, spec §4.6.2.
    let bytes: [UInt8] = [
        0x00, 0x00, 0x00, 0x11,  // command_length 17
        0x80, 0x00, 0x00, 0x05,  // command_id deliver_sm_resp
        0x00, 0x00, 0x00, 0x00,  // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x09,  // sequence_number 9
        0x00,  // message_id: unused, NULL
    ]

    func testDeliverSMResp_matchesSpecLayout() throws {
        try SMPPTestSupport.assertVector(SMPPMessage(sequenceNumber: 9, pdu: .deliverSMResp(DeliverSMResponse())), bytes)
    }

    func testDeliverSMResp_whenOneOctetShort_reportsMissingTerminator() {
        // Header only with ESME_ROK: the NULL message_id is missing.
        XCTAssertEqual(
            SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bytes))?.problem,
            .missingCStringTerminator(field: "message_id")
        )
    }

    func testDeliverSMResp_whenOneOctetLong_reportsLeftoverBytes() {
        XCTAssertEqual(SMPPTestSupport.decodingError(SMPPTestSupport.longTwin(bytes))?.problem, .leftoverBytes(count: 1))
    }
}
