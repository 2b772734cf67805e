import Foundation
import Payments
import Services
import XCTest

final class SMSDeliveryEventTests: XCTestCase {
    func testEventID_isDeterministicPerStateAndRole() {
        let event = SMSDeliveryEvent(
            transactionId: Seed.transactionId, recipientRole: .sender, state: .delivered, messageIds: ["1f"],
            attempts: 1, resends: 0, submittedAt: Seed.completion, timestamp: Seed.completion)
        XCTAssertEqual(event.eventId, "TXN-20240902-001:sms-delivered:sender")
        XCTAssertEqual(event.eventType, .smsDelivered)
        XCTAssertEqual(SMSDeliveryEvent.eventID(Seed.transactionId, state: .expired, role: .recipient),
                       "TXN-20240902-001:sms-expired:recipient")
    }

    func testEncoding_readsAsAnAuditEventWithoutAnyMSISDN() throws {
        let event = SMSDeliveryEvent(
            transactionId: Seed.transactionId, recipientRole: .recipient, state: .failed, messageIds: [],
            attempts: 2, resends: 1, submittedAt: nil, timestamp: Seed.completion, detail: "receipt UNDELIV")
        let json = try EventCoding.encode(event, sortedKeys: true)
        let audit = try EventCoding.decode(AuditEvent.self, from: json)
        XCTAssertEqual(audit.eventId, event.eventId)
        XCTAssertEqual(audit.eventType.rawValue, "SMS_FAILED")
        XCTAssertEqual(audit.timestamp, Seed.completion)
        XCTAssertNil(audit.msisdn)
        XCTAssertFalse(String(decoding: json, as: UTF8.self).contains("2547"))
        XCTAssertEqual(try EventCoding.decode(SMSDeliveryEvent.self, from: json), event)
    }
}
