import NIOCore
import SMPP
import XCTest

final class OutbindTests: XCTestCase {
    // outbind, spec §4.1.7.
    let bytes: [UInt8] = [
        0x00, 0x00, 0x00, 0x18,  // command_length 24
        0x00, 0x00, 0x00, 0x0B,  // command_id outbind
        0x00, 0x00, 0x00, 0x00,  // command_status
        0x00, 0x00, 0x00, 0x03,  // sequence_number 3
        0x53, 0x4D, 0x53, 0x43, 0x00,  // system_id "SMSC"
        0x70, 0x77, 0x00,  // password "pw"
    ]

    func testOutbind_matchesSpecLayout() throws {
        try SMPPTestSupport.assertVector(SMPPMessage(sequenceNumber: 3, pdu: .outbind(Outbind(systemID: "SMSC", password: "pw"))), bytes)
    }

    func testOutbind_whenOneOctetShort_reportsMissingTerminator() {
        XCTAssertEqual(
            SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bytes))?.problem,
            .missingCStringTerminator(field: "password")
        )
    }

    func testOutbind_whenOneOctetLong_reportsLeftoverBytes() {
        XCTAssertEqual(SMPPTestSupport.decodingError(SMPPTestSupport.longTwin(bytes))?.problem, .leftoverBytes(count: 1))
    }
}
