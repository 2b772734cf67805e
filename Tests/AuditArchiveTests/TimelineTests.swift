import Foundation
import XCTest

@testable import AuditArchive

final class TimelineTests: ArchiveTestCase {
    func testTimeline_returnsEveryStepInTimeOrderAcrossPartitionsAndMonths() throws {
        let archive = try openArchive()
        let txn = "TXN-20240831-007"
        // Stored out of time order, over two partitions and across midnight at the end of August.
        try archive.store([
            Self.event(partition: 2, offset: 0, txn: txn, type: "SMS_DELIVERED", time: "2024-09-01T00:00:04Z", service: "sms-gateway"),
            Self.event(partition: 0, offset: 0, txn: txn, type: "PAYMENT_REQUESTED", time: "2024-08-31T23:59:58Z"),
            Self.event(partition: 1, offset: 0, txn: txn, type: "BALANCE_DEBITED", time: "2024-09-01T00:00:01.500Z", service: "mpesa-core"),
            Self.event(partition: 0, offset: 1, txn: "TXN-20240831-008", type: "PAYMENT_REQUESTED", time: "2024-08-31T23:59:59Z"),
            Self.event(partition: 1, offset: 1, txn: txn, type: "FRAUD_APPROVED", time: "2024-09-01T00:00:00.250Z", service: "fraud-management"),
        ])

        let steps = try archive.timeline(transactionId: txn)

        XCTAssertEqual(steps.map(\.eventType), ["PAYMENT_REQUESTED", "FRAUD_APPROVED", "BALANCE_DEBITED", "SMS_DELIVERED"])
        XCTAssertEqual(steps.map(\.service), ["ussd-gateway", "fraud-management", "mpesa-core", "sms-gateway"])
        XCTAssertEqual(steps.map(\.month), ["audit_2024_08", "audit_2024_09", "audit_2024_09", "audit_2024_09"])
    }

    func testTimeline_whenTimestampsTie_ordersByPartitionThenSeq() throws {
        let archive = try openArchive()
        try archive.store([
            Self.event(partition: 3, offset: 0, type: "D"), Self.event(partition: 1, offset: 0, type: "B"),
            Self.event(partition: 1, offset: 1, type: "C"), Self.event(partition: 0, offset: 5, type: "A"),
        ])

        let steps = try archive.timeline(transactionId: "TXN-20240902-001")

        XCTAssertEqual(steps.map(\.eventType), ["A", "B", "C", "D"])
    }

    func testTimeline_whenSpelledWithOffsets_ordersByTheInstant() throws {
        // 17:29:59+03:00 is earlier than 14:30:00Z although its text sorts later.
        let archive = try openArchive()
        try archive.store([
            Self.event(offset: 0, type: "LATER", time: "2024-09-02T14:30:00Z"),
            Self.event(offset: 1, type: "EARLIER", time: "2024-09-02T17:29:59+03:00"),
        ])

        XCTAssertEqual(try archive.timeline(transactionId: "TXN-20240902-001").map(\.eventType), ["EARLIER", "LATER"])
    }

    func testTimeline_fillsEveryFieldOfTheEntry() throws {
        let archive = try openArchive()
        let input = Self.event(partition: 4, offset: 42, type: "BALANCE_CREDITED", time: "2024-09-02T14:30:00Z", service: "mpesa-core")

        try archive.store([input])

        XCTAssertEqual(
            try archive.timeline(transactionId: "TXN-20240902-001"),
            [
                ArchivedEntry(
                    partition: 4, offset: 42, seq: 1, eventId: "TXN-20240902-001:audit:BALANCE_CREDITED",
                    transactionId: "TXN-20240902-001", eventType: "BALANCE_CREDITED", service: "mpesa-core",
                    timestamp: Date(timeIntervalSince1970: 1_725_287_400), json: String(decoding: input.value, as: UTF8.self),
                    month: "audit_2024_09")
            ])
    }

    func testTimeline_whenTransactionIsUnknown_isEmpty() throws {
        let archive = try openArchive()
        try archive.store(Self.events(count: 2))

        XCTAssertEqual(try archive.timeline(transactionId: "TXN-20240902-999"), [])
    }
}
