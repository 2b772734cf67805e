import XCTest

@testable import SMPP

final class ReceiptMatcherTests: XCTestCase {
    private let part = SubmittedPart(reference: "tx", partNumber: 1, totalParts: 1, messageID: "00AB12", attempts: 1)

    func testReceipt_matchesIgnoringCaseAndLeadingZeros() {
        var matcher = ReceiptMatcher(base: .hex)
        XCTAssertNil(matcher.accepted(part, wantsReceipt: true))
        let event = matcher.receive(DeliveryReceipt(messageID: "ab12", state: .delivered))
        XCTAssertEqual(event?.part, part)
    }

    func testReceipt_beforeSubmitResponse_isHeldUntilTheResponseComes() {
        var matcher = ReceiptMatcher(base: .hex)
        XCTAssertNil(matcher.receive(DeliveryReceipt(messageID: "AB12", state: .delivered)))
        let event = matcher.accepted(part, wantsReceipt: true)
        XCTAssertEqual(event?.part, part)
        XCTAssertEqual(event?.receipt.state, .delivered)
        XCTAssertEqual(matcher.awaitingReceipts, 0)
    }

    func testReceipt_inDecimalBase_matchesDecimalIDs() {
        var matcher = ReceiptMatcher(base: .decimal)
        let decimal = SubmittedPart(reference: "tx", partNumber: 1, totalParts: 1, messageID: "10", attempts: 1)
        _ = matcher.accepted(decimal, wantsReceipt: true)
        XCTAssertNil(matcher.receive(DeliveryReceipt(messageID: "16", state: .delivered)), "16 is not 10 in decimal")
        XCTAssertEqual(matcher.receive(DeliveryReceipt(messageID: "010", state: .delivered))?.part, decimal)
    }
}
