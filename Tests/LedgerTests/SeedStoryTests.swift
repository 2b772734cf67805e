import Foundation
import Ledger
import Payments
import XCTest

/// The seed's story, step by step: John sends Mary Ksh5,000 with a fee of 15.
final class SeedStoryTests: XCTestCase {
    func testReserveThenExecute_followsTheSeedsNumbers() throws {
        // Given the seed's balances, 25,000 and 8,500
        let ledger = try Fixture.seededLedger()

        // When core reserves and then executes TXN-20240902-001
        let reserved = try ledger.reserve(Fixture.request())
        guard case let .reserved(reservationId, coreTransactionId) = reserved else { return XCTFail("\(reserved)") }
        XCTAssertTrue(reservationId.hasPrefix("RES-"))
        XCTAssertTrue(coreTransactionId.hasPrefix("CORE-"))
        XCTAssertEqual(try ledger.balance(Fixture.john), 19_985, "amount + fee is held at once")
        let executed = try ledger.execute(transactionId: Fixture.id("TXN-20240902-001"), now: Fixture.completionTime)

        // Then balances, fee income and the step-5 event are the seed's
        guard case let .completed(receipt) = executed else { return XCTFail("\(executed)") }
        XCTAssertEqual(try ledger.balance(Fixture.john), 19_985)
        XCTAssertEqual(try ledger.balance(Fixture.mary), 13_500)
        XCTAssertEqual(try ledger.systemAccount(.feeIncome).balance, 15)
        let completion = receipt.completion
        XCTAssertEqual(completion.coreStatus, .completed)
        XCTAssertEqual(completion.debitAccount, "254700123456")
        XCTAssertEqual(completion.creditAccount, "254711987654")
        XCTAssertEqual(completion.debitedAmount, 5_015)
        XCTAssertEqual(completion.creditedAmount, 5_000)
        XCTAssertEqual(completion.transactionFee, 15)
        XCTAssertEqual(completion.senderNewBalance, 19_985)
        XCTAssertEqual(completion.coreTransactionId, coreTransactionId)
        XCTAssertEqual(EventCoding.formatTimestamp(completion.completionTime), "2024-09-02T14:30:03Z")

        // And the audit facts carry 25,000→19,985 and 8,500→13,500, tokenized
        let tokenizer = try Fixture.tokenizer()
        XCTAssertEqual(receipt.senderAudit.eventType, .balanceDebited)
        XCTAssertEqual(receipt.senderAudit.msisdn, tokenizer.token(Fixture.john))
        XCTAssertEqual(receipt.senderAudit.previousBalance, 25_000)
        XCTAssertEqual(receipt.senderAudit.newBalance, 19_985)
        XCTAssertEqual(receipt.recipientAudit.eventType, .balanceCredited)
        XCTAssertEqual(receipt.recipientAudit.msisdn, tokenizer.token(Fixture.mary))
        XCTAssertEqual(receipt.recipientAudit.previousBalance, 8_500)
        XCTAssertEqual(receipt.recipientAudit.newBalance, 13_500)
        XCTAssertTrue(try ledger.checkInvariants().isHealthy)
        XCTAssertEqual(try ledger.checkInvariants().openHolds, 0)
    }

    func testSeedStory_writesItsEventsToTheOutbox() throws {
        // Given the seed's payment reserved and executed
        let ledger = try Fixture.seededLedger()
        _ = try ledger.reserve(Fixture.request())
        _ = try ledger.execute(transactionId: Fixture.id("TXN-20240902-001"), now: Fixture.completionTime)

        // When the outbox is read
        let pending = try ledger.pendingOutbox(limit: 100)

        // Then it holds RESERVED and COMPLETED on core-processing and two audit events keyed by event id
        XCTAssertEqual(pending.map(\.eventId), [
            "TXN-20240902-001:core-reserve", "TXN-20240902-001:core-execute",
            "TXN-20240902-001:debit:\(try Fixture.tokenizer().token(Fixture.john))",
            "TXN-20240902-001:credit:\(try Fixture.tokenizer().token(Fixture.mary))",
        ])
        XCTAssertEqual(pending.map(\.topic), [.coreProcessing, .coreProcessing, .auditTrail, .auditTrail])
        XCTAssertEqual(pending[0].key, "TXN-20240902-001")
        XCTAssertEqual(pending[2].key, pending[2].eventId)
        guard case let .result(result) = try CoreProcessingRecord.decode(from: pending[0].value) else { return XCTFail() }
        XCTAssertEqual(result.coreStatus, .reserved)
        guard case let .completion(completion) = try CoreProcessingRecord.decode(from: pending[1].value) else { return XCTFail() }
        XCTAssertEqual(completion.debitedAmount, 5_015)
        let audit = try EventCoding.decode(AuditEvent.self, from: pending[2].value)
        XCTAssertEqual(audit.previousBalance, 25_000)
        for message in pending {
            let json = String(decoding: message.value, as: UTF8.self)
            XCTAssertFalse(message.topic == .auditTrail && json.contains("254700123456"), "raw MSISDN in audit: \(json)")
        }
    }
}
