import AuditArchive
import Foundation
import Ledger
import Payments
import XCTest
@testable import PesaGate

/// `pesagate audit TXN` tells a payment's story in order, and shows numbers only to the key holder.
final class AuditTimelineLineTests: XCTestCase {
    let second = Date(timeIntervalSince1970: 1_725_287_400)

    func entry(_ type: String, at time: Date, json: String = "{}", seq: Int64 = 1) -> ArchivedEntry {
        ArchivedEntry(
            partition: Int32(seq % 3), offset: seq, seq: seq, eventId: "TXN-20240902-001:\(type)",
            transactionId: "TXN-20240902-001", eventType: type, service: "svc", timestamp: time, json: json,
            month: "audit_2024_09")
    }

    func testLifecycleOrder_withinOneSecond_followsThePaymentsSteps() {
        let archived = [
            entry("CONFIRMED", at: second, seq: 1), entry("EXECUTED", at: second, seq: 2),
            entry("FRAUD_RESULT", at: second, seq: 3), entry("REQUESTED", at: second.addingTimeInterval(-1), seq: 4),
            entry("SMS_DELIVERED", at: second.addingTimeInterval(1), seq: 5), entry("DECISION", at: second, seq: 6),
        ]
        XCTAssertEqual(AuditTimelineLine.lifecycleOrder(archived).map(\.eventType), [
            "REQUESTED", "FRAUD_RESULT", "DECISION", "EXECUTED", "CONFIRMED", "SMS_DELIVERED",
        ])
    }

    func testLine_showsTheTokenUnlessTheKeyHolderAsksForTheNumber() throws {
        let tokenizer = try MSISDNTokenizer(keyId: "v1", key: Data(repeating: 9, count: 32))
        let john = try MSISDN(parsing: "254700123456")
        let json = #"{"msisdn":"\#(tokenizer.token(john))","msisdnSealed":"\#(tokenizer.seal(john))","detail":"PROCEED"}"#
        let archived = entry("DECISION", at: second, json: json)

        let hidden = AuditTimelineLine(archived, tokenizer: nil).text
        XCTAssertFalse(hidden.contains("254700123456"), hidden)
        XCTAssertTrue(hidden.contains("tok:v1:"), hidden)
        XCTAssertTrue(hidden.contains("PROCEED"), hidden)

        let revealed = AuditTimelineLine(archived, tokenizer: tokenizer).text
        XCTAssertTrue(revealed.contains("254700123456"), revealed)

        let otherKey = try MSISDNTokenizer(keyId: "v1", key: Data(repeating: 1, count: 32))
        XCTAssertFalse(AuditTimelineLine(archived, tokenizer: otherKey).text.contains("254700123456"))
    }
}
