import NIOCore
import SMPP
import XCTest

final class QuerySMTests: XCTestCase {
    // query_sm, spec §4.8.1.
    let bytes: [UInt8] = [
        0x00, 0x00, 0x00, 0x21,  // command_length 33
        0x00, 0x00, 0x00, 0x03,  // command_id query_sm
        0x00, 0x00, 0x00, 0x00,  // command_status
        0x00, 0x00, 0x00, 0x0C,  // sequence_number 12
        0x30, 0x41, 0x31, 0x42, 0x32, 0x43, 0x33, 0x44, 0x00,  // message_id "0A1B2C3D"
        0x05,  // source_addr_ton alphanumeric
        0x00,  // source_addr_npi unknown
        0x4D, 0x50, 0x45, 0x53, 0x41, 0x00,  // source_addr "MPESA"
    ]

    func testQuerySM_matchesSpecLayout() throws {
        let message = SMPPMessage(sequenceNumber: 12, pdu: .querySM(QuerySM(messageID: "0A1B2C3D", source: .alphanumeric("MPESA"))))
        try SMPPTestSupport.assertVector(message, bytes)
    }

    func testQuerySM_whenOneOctetShort_reportsMissingTerminator() {
        XCTAssertEqual(
            SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bytes))?.problem,
            .missingCStringTerminator(field: "source_addr")
        )
    }

    func testQuerySM_whenOneOctetLong_reportsLeftoverBytes() {
        XCTAssertEqual(SMPPTestSupport.decodingError(SMPPTestSupport.longTwin(bytes))?.problem, .leftoverBytes(count: 1))
    }
}
