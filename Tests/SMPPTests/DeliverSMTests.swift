import NIOCore
import SMPP
import XCTest

final class DeliverSMTests: XCTestCase {
    // deliver_sm, spec §4.6.1: a delivery receipt with text (Appendix B) and SMPP 3.4 TLVs.
    let bytes: [UInt8] = [
        0x00, 0x00, 0x00, 0xB9,  // command_length 185
        0x00, 0x00, 0x00, 0x05,  // command_id deliver_sm
        0x00, 0x00, 0x00, 0x00,  // command_status
        0x00, 0x00, 0x00, 0x09,  // sequence_number 9
        0x00,  // service_type ""
        0x01,  // source_addr_ton international
        0x01,  // source_addr_npi ISDN
        0x32, 0x35, 0x34, 0x37, 0x30, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x00,  // source_addr "254700123456": the handset
        0x05,  // dest_addr_ton alphanumeric
        0x00,  // dest_addr_npi unknown
        0x4D, 0x50, 0x45, 0x53, 0x41, 0x00,  // destination_addr "MPESA": our sender
        0x04,  // esm_class 0x04: SMSC delivery receipt
        0x00,  // protocol_id
        0x00,  // priority_flag
        0x00,  // schedule_delivery_time (NULL in deliver_sm)
        0x00,  // validity_period (NULL in deliver_sm)
        0x00,  // registered_delivery
        0x00,  // replace_if_present_flag
        0x00,  // data_coding
        0x00,  // sm_default_msg_id
        0x6E,  // sm_length 110
        // short_message: "id:0A1B2C3D sub:001 dlvrd:001 submit date:2409021430 done date:2409021431
        //                 stat:DELIVRD err:000 text:Confirmed."
        0x69, 0x64, 0x3A, 0x30, 0x41, 0x31, 0x42, 0x32, 0x43, 0x33, 0x44, 0x20, 0x73, 0x75, 0x62, 0x3A,
        0x30, 0x30, 0x31, 0x20, 0x64, 0x6C, 0x76, 0x72, 0x64, 0x3A, 0x30, 0x30, 0x31, 0x20, 0x73, 0x75,
        0x62, 0x6D, 0x69, 0x74, 0x20, 0x64, 0x61, 0x74, 0x65, 0x3A, 0x32, 0x34, 0x30, 0x39, 0x30, 0x32,
        0x31, 0x34, 0x33, 0x30, 0x20, 0x64, 0x6F, 0x6E, 0x65, 0x20, 0x64, 0x61, 0x74, 0x65, 0x3A, 0x32,
        0x34, 0x30, 0x39, 0x30, 0x32, 0x31, 0x34, 0x33, 0x31, 0x20, 0x73, 0x74, 0x61, 0x74, 0x3A, 0x44,
        0x45, 0x4C, 0x49, 0x56, 0x52, 0x44, 0x20, 0x65, 0x72, 0x72, 0x3A, 0x30, 0x30, 0x30, 0x20, 0x74,
        0x65, 0x78, 0x74, 0x3A, 0x43, 0x6F, 0x6E, 0x66, 0x69, 0x72, 0x6D, 0x65, 0x64, 0x2E,
        0x00, 0x1E, 0x00, 0x09, 0x30, 0x41, 0x31, 0x42, 0x32, 0x43, 0x33, 0x44, 0x00,  // TLV receipted_message_id 0x001E, length 9, "0A1B2C3D\0"
        0x04, 0x27, 0x00, 0x01, 0x02,  // TLV message_state 0x0427, length 1, DELIVERED
        0x04, 0x23, 0x00, 0x03, 0x03, 0x00, 0x00,  // TLV network_error_code 0x0423, length 3: GSM, code 0
    ]

    static let receiptText =
        "id:0A1B2C3D sub:001 dlvrd:001 submit date:2409021430 done date:2409021431 stat:DELIVRD err:000 text:Confirmed."

    var message: SMPPMessage {
        var tlvs = TLVList()
        tlvs.receiptedMessageID = "0A1B2C3D"
        tlvs.messageState = .delivered
        tlvs.networkErrorCode = NetworkErrorCode(networkType: NetworkErrorCode.gsm, errorCode: 0)
        return SMPPMessage(
            sequenceNumber: 9,
            pdu: .deliverSM(DeliverSM(
                source: .international("254700123456"),
                destination: .alphanumeric("MPESA"),
                esmClass: .deliveryReceipt,
                shortMessage: Array(Self.receiptText.utf8),
                tlvs: tlvs
            ))
        )
    }

    func testDeliverSM_receipt_matchesSpecLayout() throws {
        try SMPPTestSupport.assertVector(message, bytes)
    }

    func testDeliverSM_whenOneOctetShort_reportsTLVRunningPastEnd() {
        // network_error_code loses its last octet: length field 3, 2 octets left.
        let error = SMPPTestSupport.decodingError(SMPPTestSupport.shortTwin(bytes))
        XCTAssertEqual(error?.problem, .tlvRunsPastEnd(tag: 0x0423))
    }

    func testDeliverSM_whenOneOctetLong_reportsHalfReadTLV() {
        XCTAssertEqual(SMPPTestSupport.decodingError(SMPPTestSupport.longTwin(bytes))?.problem, .tlvRunsPastEnd(tag: 0))
    }

    func testDeliverSM_receipt_readsAsDeliveryReceipt() throws {
        guard case .deliverSM(let deliver) = message.pdu else { return XCTFail("not a deliver_sm") }
        let receipt = try DeliveryReceipt(deliver)
        XCTAssertEqual(receipt.messageID, "0A1B2C3D")
        XCTAssertEqual(receipt.state, .delivered)
        XCTAssertEqual(receipt.doneDate, ReceiptTimestamp(year: 24, month: 9, day: 2, hour: 14, minute: 31))
        XCTAssertEqual(receipt.networkErrorCode?.errorCode, 0)
        XCTAssertEqual(receipt.text, "Confirmed.")
    }
}
