import NIOCore
import SMPP
import XCTest

/// unbind, unbind_resp, enquire_link, enquire_link_resp and generic_nack: header, no body.
final class HeaderOnlyPDUTests: XCTestCase {
    func header(_ id: [UInt8], status: [UInt8] = [0x00, 0x00, 0x00, 0x00], sequence: UInt8) -> [UInt8] {
        [0x00, 0x00, 0x00, 0x10]  // command_length 16
            + id  // command_id
            + status  // command_status
            + [0x00, 0x00, 0x00, sequence]  // sequence_number
    }

    func testUnbind_matchesSpecLayout() throws {
        try SMPPTestSupport.assertVector(SMPPMessage(sequenceNumber: 4, pdu: .unbind), header([0x00, 0x00, 0x00, 0x06], sequence: 4))
    }

    func testUnbindResp_matchesSpecLayout() throws {
        try SMPPTestSupport.assertVector(
            SMPPMessage(sequenceNumber: 4, pdu: .unbindResp),
            header([0x80, 0x00, 0x00, 0x06], sequence: 4)
        )
    }

    func testEnquireLink_matchesSpecLayout() throws {
        try SMPPTestSupport.assertVector(
            SMPPMessage(sequenceNumber: 5, pdu: .enquireLink),
            header([0x00, 0x00, 0x00, 0x15], sequence: 5)
        )
    }

    func testEnquireLinkResp_matchesSpecLayout() throws {
        try SMPPTestSupport.assertVector(
            SMPPMessage(sequenceNumber: 5, pdu: .enquireLinkResp),
            header([0x80, 0x00, 0x00, 0x15], sequence: 5)
        )
    }

    func testGenericNack_carriesStatusAndSequenceOfTheBadRequest() throws {
        try SMPPTestSupport.assertVector(
            SMPPMessage(sequenceNumber: 6, status: .invalidCommandID, pdu: .genericNack),
            header([0x80, 0x00, 0x00, 0x00], status: [0x00, 0x00, 0x00, 0x03], sequence: 6)
        )
    }

    func testEnquireLink_whenOneOctetLong_reportsLeftoverBytes() {
        let long = SMPPTestSupport.longTwin(header([0x00, 0x00, 0x00, 0x15], sequence: 5))
        let error = SMPPTestSupport.decodingError(long)
        XCTAssertEqual(error?.problem, .leftoverBytes(count: 1))
        XCTAssertEqual(error?.sequenceNumber, 5)
    }

    func testEnquireLink_whenOneOctetShort_reportsLengthBelowHeader() {
        // command_length 15 cannot even hold the header.
        let short = SMPPTestSupport.withCommandLength(header([0x00, 0x00, 0x00, 0x15], sequence: 5), 15)
        let error = SMPPTestSupport.decodingError(short)
        XCTAssertEqual(error?.problem, .commandLengthTooShort(15))
        XCTAssertEqual(error?.framingIntact, false)
    }

    func testUnbind_isARequestAndItsResponseIDSetsBit31() {
        XCTAssertFalse(CommandID.unbind.isResponse)
        XCTAssertEqual(CommandID.unbind.responseID, .unbindResp)
        XCTAssertEqual(CommandID.submitSM.responseID, .submitSMResp)
        XCTAssertNil(CommandID.outbind.responseID)
        XCTAssertTrue(CommandID.genericNack.isResponse)
    }
}
