import Foundation
import Ledger
import Payments
import XCTest

/// EXECUTE and RELEASE: money moves once, holds close, and a RELEASE before its request wins.
final class ExecuteReleaseTests: XCTestCase {
    private let txn = Fixture.id("TXN-20240902-001")

    func testRelease_returnsTheHoldToTheSender() throws {
        // Given a reserved payment (John down to 19,985)
        let ledger = try Fixture.seededLedger()
        guard case let .reserved(reservationId, _) = try ledger.reserve(Fixture.request()) else { return XCTFail() }
        // When the orchestrator releases it
        let outcome = try ledger.release(transactionId: txn, reason: ReasonCode.fraudDeclined, now: Fixture.completionTime)
        // Then John has his 25,000 back, Mary nothing, and no hold is open
        XCTAssertEqual(outcome, .released(reservationId: reservationId))
        XCTAssertEqual(try ledger.balance(Fixture.john), 25_000)
        XCTAssertEqual(try ledger.balance(Fixture.mary), 8_500)
        let invariants = try ledger.checkInvariants()
        XCTAssertTrue(invariants.isHealthy)
        XCTAssertEqual(invariants.openHolds, 0)
        XCTAssertEqual(invariants.holdBalance, 0)
    }

    func testExecute_afterRelease_failsAndPostsNothing() throws {
        let ledger = try Fixture.seededLedger()
        _ = try ledger.reserve(Fixture.request())
        _ = try ledger.release(transactionId: txn, now: Fixture.completionTime)
        let postings = try ledger.postingCount()
        XCTAssertEqual(
            try ledger.execute(transactionId: txn, now: Fixture.completionTime),
            .failed(reasonCode: LedgerReason.reservationReleased))
        XCTAssertEqual(try ledger.postingCount(), postings)
        XCTAssertEqual(try ledger.balance(Fixture.mary), 8_500)
    }

    func testExecute_ofAnUnknownTransaction_failsAndPostsNothing() throws {
        let ledger = try Fixture.seededLedger()
        let postings = try ledger.postingCount()
        XCTAssertEqual(
            try ledger.execute(transactionId: txn, now: Fixture.completionTime),
            .failed(reasonCode: LedgerReason.unknownReservation))
        XCTAssertEqual(try ledger.postingCount(), postings)
    }

    func testRelease_afterExecute_changesNothing() throws {
        let ledger = try Fixture.seededLedger()
        _ = try ledger.reserve(Fixture.request())
        _ = try ledger.execute(transactionId: txn, now: Fixture.completionTime)
        XCTAssertEqual(
            try ledger.release(transactionId: txn, now: Fixture.completionTime),
            .failed(reasonCode: LedgerReason.alreadyExecuted))
        XCTAssertEqual(try ledger.balance(Fixture.mary), 13_500)
        XCTAssertEqual(try ledger.balance(Fixture.john), 19_985)
    }

    func testRelease_beforeTheRequest_leavesATombstoneSoTheRequestFails() throws {
        // Given a RELEASE that overtook its request
        let ledger = try Fixture.seededLedger()
        XCTAssertEqual(try ledger.release(transactionId: txn, reason: ReasonCode.timeout, now: Fixture.requestTime), .tombstoned)
        // When the request arrives
        let outcome = try ledger.reserve(Fixture.request())
        // Then it fails and reserves nothing
        XCTAssertEqual(outcome, .failed(reasonCode: ReasonCode.releasedBeforeRequest))
        XCTAssertEqual(try ledger.balance(Fixture.john), 25_000)
        XCTAssertEqual(try ledger.checkInvariants().openHolds, 0)
    }

    func testExecute_whenRedelivered_returnsTheStoredReceiptAndPostsOnce() throws {
        // Given an executed payment
        let ledger = try Fixture.seededLedger()
        _ = try ledger.reserve(Fixture.request())
        let first = try ledger.execute(transactionId: txn, now: Fixture.completionTime)
        let postings = try ledger.postingCount()
        // When EXECUTE is redelivered a minute later
        let again = try ledger.execute(transactionId: txn, now: Fixture.completionTime.addingTimeInterval(60))
        // Then the receipt is the stored one, byte for byte, and Mary is credited once
        XCTAssertEqual(again, first)
        XCTAssertEqual(try ledger.postingCount(), postings)
        XCTAssertEqual(try ledger.balance(Fixture.mary), 13_500)
        XCTAssertEqual(try ledger.systemAccount(.feeIncome).balance, 15)
    }

    func testExecute_atAFractionalTime_replaysAnEqualReceipt() throws {
        // Given an EXECUTE at 14:30:03.750 (events carry whole seconds)
        let ledger = try Fixture.seededLedger()
        _ = try ledger.reserve(Fixture.request())
        let first = try ledger.execute(transactionId: txn, now: Fixture.completionTime.addingTimeInterval(0.75))
        // When it is redelivered, its replay equals the first answer
        XCTAssertEqual(try ledger.execute(transactionId: txn, now: Fixture.completionTime.addingTimeInterval(9.5)), first)
        guard case let .completed(receipt) = first else { return XCTFail("\(first)") }
        XCTAssertEqual(receipt.completion.completionTime, Fixture.completionTime)
    }

    func testRelease_whenRedelivered_returnsTheStoredAnswerAndRefundsOnce() throws {
        let ledger = try Fixture.seededLedger()
        _ = try ledger.reserve(Fixture.request())
        let first = try ledger.release(transactionId: txn, now: Fixture.completionTime)
        XCTAssertEqual(try ledger.release(transactionId: txn, now: Fixture.completionTime), first)
        XCTAssertEqual(try ledger.balance(Fixture.john), 25_000)
        XCTAssertTrue(try ledger.checkInvariants().isHealthy)
    }

    func testSumOverAllAccounts_staysZeroThroughReserveExecuteAndRelease() throws {
        let ledger = try Fixture.seededLedger()
        XCTAssertEqual(try ledger.checkInvariants().totalBalance, 0)
        _ = try ledger.reserve(Fixture.request("TXN-20240902-001"))
        _ = try ledger.reserve(Fixture.request("TXN-20240902-002", amount: 1_000))
        XCTAssertEqual(try ledger.checkInvariants().openHolds, 2)
        _ = try ledger.execute(transactionId: Fixture.id("TXN-20240902-001"), now: Fixture.completionTime)
        _ = try ledger.release(transactionId: Fixture.id("TXN-20240902-002"), now: Fixture.completionTime)
        let invariants = try ledger.checkInvariants()
        XCTAssertEqual(invariants.totalBalance, 0)
        XCTAssertEqual(invariants.openHolds, 0)
        XCTAssertTrue(invariants.isHealthy)
        XCTAssertEqual(try ledger.systemAccount(.issuance).balance, -33_500)
    }
}
