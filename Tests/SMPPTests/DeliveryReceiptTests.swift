import SMPP
import XCTest

final class DeliveryReceiptTests: XCTestCase {
    func testParse_specText_readsEveryField() throws {
        let receipt = try DeliveryReceipt(text:
            "id:0123456789 sub:001 dlvrd:001 submit date:2409021430 done date:2409021432 stat:DELIVRD err:000 text:Confirmed. Ksh5,000.00 s"
        )
        XCTAssertEqual(receipt.messageID, "0123456789")
        XCTAssertEqual(receipt.submitted, 1)
        XCTAssertEqual(receipt.delivered, 1)
        XCTAssertEqual(receipt.submitDate, ReceiptTimestamp(year: 24, month: 9, day: 2, hour: 14, minute: 30))
        XCTAssertEqual(receipt.doneDate, ReceiptTimestamp(year: 24, month: 9, day: 2, hour: 14, minute: 32))
        XCTAssertEqual(receipt.state, .delivered)
        XCTAssertEqual(receipt.error, "000")
        XCTAssertEqual(receipt.text, "Confirmed. Ksh5,000.00 s", "text runs to the end, spaces included")
        XCTAssertTrue(receipt.isDelivered)
    }

    func testParse_capitalisedKeysAndSecondsInDates_areAccepted() throws {
        // Spec Appendix B writes "Text:"; some SMSCs add seconds to the dates.
        let receipt = try DeliveryReceipt(text: "ID:ab12 SUB:1 DLVRD:0 Submit Date:240902143005 Done Date:240903143005 Stat:EXPIRED Err:027 Text:Hi")
        XCTAssertEqual(receipt.messageID, "ab12")
        XCTAssertEqual(receipt.state, .expired)
        XCTAssertEqual(receipt.doneDate?.second, 5)
        XCTAssertEqual(receipt.error, "027")
        XCTAssertEqual(receipt.text, "Hi")
    }

    func testParse_fieldsInAnotherOrderAndUnknownFields_areTolerated() throws {
        let receipt = try DeliveryReceipt(text: "stat:UNDELIV vendor:x id:77 err:001")
        XCTAssertEqual(receipt.messageID, "77")
        XCTAssertEqual(receipt.state, .undeliverable)
        XCTAssertNil(receipt.text)
    }

    func testParse_everyStatWord_mapsToItsMessageState() throws {
        let expected: [String: MessageState] = [
            "ENROUTE": .enroute, "DELIVRD": .delivered, "EXPIRED": .expired, "DELETED": .deleted,
            "UNDELIV": .undeliverable, "ACCEPTD": .accepted, "UNKNOWN": .unknown, "REJECTD": .rejected,
        ]
        for (word, state) in expected {
            XCTAssertEqual(try DeliveryReceipt(text: "id:1 stat:\(word)").state, state, word)
            XCTAssertEqual(state.receiptStat, word)
        }
    }

    func testParse_whenIDMissing_throws() {
        XCTAssertThrowsError(try DeliveryReceipt(text: "sub:001 stat:DELIVRD")) { error in
            XCTAssertEqual(error as? DeliveryReceiptError, .missingMessageID)
        }
    }

    func testParse_whenStatUnknownWord_throws() {
        XCTAssertThrowsError(try DeliveryReceipt(text: "id:1 stat:WHATEVER")) { error in
            XCTAssertEqual(error as? DeliveryReceiptError, .missingState)
        }
    }

    func testParse_deliverSMWithTLVsOnly_usesTheTLVs() throws {
        var deliver = DeliverSM(source: .international("254700123456"), destination: .alphanumeric("MPESA"), esmClass: .deliveryReceipt)
        deliver.tlvs.receiptedMessageID = "FF01"
        deliver.tlvs.messageState = .rejected
        let receipt = try DeliveryReceipt(deliver)
        XCTAssertEqual(receipt.messageID, "FF01")
        XCTAssertEqual(receipt.state, .rejected)
    }

    func testParse_deliverSMWithTLVAndTextInOtherBases_prefersTLVAndKeepsTextID() throws {
        var deliver = DeliverSM(source: .international("254700123456"), destination: .alphanumeric("MPESA"), esmClass: .deliveryReceipt)
        deliver.shortMessage = Array("id:255 sub:001 dlvrd:001 stat:DELIVRD err:000 text:".utf8)
        deliver.tlvs.receiptedMessageID = "FF"
        let receipt = try DeliveryReceipt(deliver)
        XCTAssertEqual(receipt.messageID, "FF")
        XCTAssertEqual(receipt.textMessageID, "255")
        XCTAssertTrue(MessageID.matches(receipt.messageID, base: .hex, receipt.textMessageID ?? "", base: .decimal))
    }

    func testParse_ordinaryDeliverSM_isNotAReceipt() {
        let deliver = DeliverSM(source: .international("254700123456"), destination: Address("334"), shortMessage: Array("id:1 stat:DELIVRD".utf8))
        XCTAssertThrowsError(try DeliveryReceipt(deliver)) { error in
            XCTAssertEqual(error as? DeliveryReceiptError, .notAReceipt)
        }
    }

    func testFormat_writesTheUsualLayout() {
        let receipt = DeliveryReceipt(
            messageID: "0A1B2C3D",
            state: .delivered,
            submitDate: ReceiptTimestamp(year: 24, month: 9, day: 2, hour: 14, minute: 30),
            doneDate: ReceiptTimestamp(year: 24, month: 9, day: 2, hour: 14, minute: 31),
            text: "Confirmed."
        )
        XCTAssertEqual(
            receipt.formattedText,
            "id:0A1B2C3D sub:001 dlvrd:001 submit date:2409021430 done date:2409021431 stat:DELIVRD err:000 text:Confirmed."
        )
    }

    func testFormatThenParse_deliverSM_roundTrips() throws {
        let receipt = DeliveryReceipt(
            messageID: "42",
            state: .expired,
            submitDate: ReceiptTimestamp(year: 24, month: 12, day: 31, hour: 23, minute: 59),
            doneDate: ReceiptTimestamp(year: 25, month: 1, day: 3, hour: 0, minute: 0),
            error: "027",
            text: "Confirmed. Ksh5,000",
            networkErrorCode: NetworkErrorCode(networkType: NetworkErrorCode.gsm, errorCode: 27)
        )
        let deliver = receipt.deliverSM(source: .international("254700123456"), destination: .alphanumeric("MPESA"))
        XCTAssertTrue(deliver.esmClass.isDeliveryReceipt)
        var parsed = try DeliveryReceipt(deliver)
        XCTAssertEqual(parsed.textMessageID, "42")
        parsed.textMessageID = nil
        XCTAssertEqual(parsed, receipt)
    }

    func testTimestamp_rejectsImpossibleDates() {
        XCTAssertNil(ReceiptTimestamp("2413021430"))  // month 13
        XCTAssertNil(ReceiptTimestamp("24090214"))  // too short
        XCTAssertNil(ReceiptTimestamp("24O9021430"))  // letter O
        XCTAssertNotNil(ReceiptTimestamp("2409021430"))
    }
}
