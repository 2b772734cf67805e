import SMPP
import XCTest

/// The one-octet fields whose bits carry meaning: esm_class, registered_delivery, message_state.
final class FieldTests: XCTestCase {
    func testESMClass_udhiBit_setsAndClearsWithoutTouchingOtherBits() {
        var esm = ESMClass.storeAndForwardMode
        esm.hasUDH = true
        XCTAssertEqual(esm.rawValue, 0x43)
        esm.hasUDH = false
        XCTAssertEqual(esm.rawValue, 0x03)
    }

    func testESMClass_receiptType_isReadFromBits5To2() {
        XCTAssertTrue(ESMClass(rawValue: 0x04).isDeliveryReceipt)
        XCTAssertTrue(ESMClass(rawValue: 0x44).isDeliveryReceipt, "a receipt with UDHI is still a receipt")
        XCTAssertFalse(ESMClass(rawValue: 0x08).isDeliveryReceipt, "SME delivery acknowledgement is not")
        XCTAssertTrue(ESMClass(rawValue: 0x20).isIntermediateNotification)
    }

    func testRegisteredDelivery_onFailureOnly_wantsNoReceiptForSuccess() {
        XCTAssertFalse(RegisteredDelivery.onFailure.wantsReceipt(delivered: true))
        XCTAssertTrue(RegisteredDelivery.onFailure.wantsReceipt(delivered: false))
        XCTAssertTrue(RegisteredDelivery.onSuccessOrFailure.wantsReceipt(delivered: true))
        XCTAssertFalse(RegisteredDelivery.none.wantsReceipt(delivered: false))
        XCTAssertTrue(RegisteredDelivery.onSuccessOrFailure.union(.intermediateNotification).wantsIntermediateNotification)
    }

    func testMessageState_onlyEnrouteIsNotFinal() {
        XCTAssertFalse(MessageState.enroute.isFinal)
        for state in [MessageState.delivered, .expired, .deleted, .undeliverable, .accepted, .unknown, .rejected] {
            XCTAssertTrue(state.isFinal, state.receiptStat)
        }
    }

    func testAddress_helpers_useTheTONAndNPIPesaGateSendsWith() {
        XCTAssertEqual(Address.alphanumeric("MPESA").ton.rawValue, 5)
        XCTAssertEqual(Address.international("254700123456").ton.rawValue, 1)
        XCTAssertEqual(Address.international("254700123456").npi.rawValue, 1)
    }
}
