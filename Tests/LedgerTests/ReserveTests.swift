import Foundation
import Ledger
import Payments
import XCTest

/// Core's checks on a request: every decline reserves nothing and is answered FAILED with a reason.
final class ReserveTests: XCTestCase {
    func testReserve_whenAmountPlusFeeExceedsBalance_failsWithInsufficientFunds() throws {
        // Given John with 25,000
        let ledger = try Fixture.seededLedger()
        // When he sends 24,990 with a fee of 15 (25,005 in all)
        let outcome = try ledger.reserve(Fixture.request(amount: 24_990))
        // Then nothing is held
        XCTAssertEqual(outcome, .failed(reasonCode: ReasonCode.insufficientFunds))
        XCTAssertEqual(try ledger.balance(Fixture.john), 25_000)
    }

    func testReserve_whenAmountPlusFeeEqualsBalance_reserves() throws {
        let ledger = try Fixture.seededLedger()
        let outcome = try ledger.reserve(Fixture.request(amount: 24_985))
        guard case .reserved = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(try ledger.balance(Fixture.john), 0)
    }

    func testReserve_whenAmountExceedsPerTransactionLimit_fails() throws {
        // Given a tier-1 limit of 4,000 per transaction
        let ledger = try Fixture.seededLedger()
        let limits = TierLimits(tiers: [1: .init(perTransaction: 4_000, daily: 70_000)])
        // When John sends 5,000
        let outcome = try ledger.reserve(Fixture.request(), limits: limits)
        // Then core declines it
        XCTAssertEqual(outcome, .failed(reasonCode: ReasonCode.transactionLimitExceeded))
        XCTAssertEqual(try ledger.balance(Fixture.john), 25_000)
    }

    func testReserve_whenDailyTotalWouldExceedDailyLimit_fails() throws {
        // Given a daily limit of 8,000 and 5,000 already sent today
        let ledger = try Fixture.seededLedger()
        let limits = TierLimits(tiers: [1: .init(perTransaction: 8_000, daily: 8_000)])
        XCTAssertNotEqual(try ledger.reserve(Fixture.request("TXN-20240902-001"), limits: limits), .failed(reasonCode: ReasonCode.dailyLimitExceeded))
        // When John sends another 5,000
        let outcome = try ledger.reserve(Fixture.request("TXN-20240902-002"), limits: limits)
        // Then the daily limit declines it, while 3,000 still fits
        XCTAssertEqual(outcome, .failed(reasonCode: ReasonCode.dailyLimitExceeded))
        guard case .reserved = try ledger.reserve(Fixture.request("TXN-20240902-003", amount: 3_000), limits: limits) else {
            return XCTFail("3,000 fits the rest of the day")
        }
    }

    func testReserve_releasedAmountsDoNotCountAgainstTheDailyLimit() throws {
        let ledger = try Fixture.seededLedger()
        let limits = TierLimits(tiers: [1: .init(perTransaction: 8_000, daily: 8_000)])
        _ = try ledger.reserve(Fixture.request("TXN-20240902-001"), limits: limits)
        _ = try ledger.release(transactionId: Fixture.id("TXN-20240902-001"), now: Fixture.requestTime)
        guard case .reserved = try ledger.reserve(Fixture.request("TXN-20240902-002"), limits: limits) else {
            return XCTFail("a released payment frees its share of the daily limit")
        }
    }

    func testReserve_whenP2PRecipientIsUnregistered_failsWithUnknownRecipient() throws {
        let ledger = try Fixture.seededLedger()
        let outcome = try ledger.reserve(Fixture.request(to: Fixture.unregistered.value))
        XCTAssertEqual(outcome, .failed(reasonCode: ReasonCode.unknownRecipient))
        XCTAssertEqual(try ledger.balance(Fixture.john), 25_000)
    }

    func testReserve_whenSenderIsUnknown_failsWithUnknownSender() throws {
        let ledger = try Fixture.seededLedger()
        let outcome = try ledger.reserve(Fixture.request(from: Fixture.unregistered))
        XCTAssertEqual(outcome, .failed(reasonCode: ReasonCode.unknownSender))
    }

    func testReserve_whenSenderIsLockedByOperator_failsWithAccountInactive() throws {
        let ledger = try Fixture.seededLedger()
        try ledger.setStatus(.locked, of: Fixture.john)
        XCTAssertEqual(try ledger.reserve(Fixture.request()), .failed(reasonCode: LedgerReason.accountInactive))
    }

    func testReserve_whenAmountIsNotPositive_failsWithInvalidAmount() throws {
        let ledger = try Fixture.seededLedger()
        XCTAssertEqual(try ledger.reserve(Fixture.request(amount: 0)), .failed(reasonCode: ReasonCode.invalidAmount))
        XCTAssertEqual(
            try ledger.reserve(Fixture.request("TXN-20240902-002"), fee: -1), .failed(reasonCode: ReasonCode.invalidAmount))
    }

    func testReserve_whenTypeIsUnknown_failsWithUnsupportedType() throws {
        let ledger = try Fixture.seededLedger()
        let outcome = try ledger.reserve(Fixture.request(type: .unknown("LOAN")))
        XCTAssertEqual(outcome, .failed(reasonCode: ReasonCode.unsupportedTransactionType))
    }

    func testReserve_forPaybillTillAgentAndAirtime_creditsTheRightAccountOnExecute() throws {
        // Given the demo businesses
        let ledger = try Fixture.seededLedger()
        try ledger.seedDemoData(now: Fixture.requestTime)
        let cases: [(String, TransactionType, String, AccountKind)] = [
            ("TXN-20240902-010", .paybill, "888880", .paybill),
            ("TXN-20240902-011", .buyGoods, "832910", .till),
            ("TXN-20240902-012", .agentWithdrawal, "123456", .agent),
        ]
        for (id, type, number, kind) in cases {
            let before = try XCTUnwrap(ledger.account(kind: kind, number: number)).balance.amount
            // When John pays 100 and core executes
            guard case .reserved = try ledger.reserve(Fixture.request(id, to: number, amount: 100, type: type)) else {
                return XCTFail("\(type)")
            }
            _ = try ledger.execute(transactionId: Fixture.id(id), now: Fixture.completionTime)
            // Then that business got 100
            XCTAssertEqual(try XCTUnwrap(ledger.account(kind: kind, number: number)).balance.amount, before + 100, "\(type)")
        }
        guard case .reserved = try ledger.reserve(
            Fixture.request("TXN-20240902-013", to: "254733445566", amount: 50, type: .airtimePurchase))
        else { return XCTFail("airtime") }
        XCTAssertEqual(
            try ledger.reserve(Fixture.request("TXN-20240902-014", to: "999999", amount: 100, type: .paybill)),
            .failed(reasonCode: ReasonCode.unknownRecipient))
        XCTAssertTrue(try ledger.checkInvariants().isHealthy)
    }

    func testReserve_whenRedelivered_returnsTheStoredAnswerAndHoldsOnce() throws {
        // Given a reserved payment
        let ledger = try Fixture.seededLedger()
        let first = try ledger.reserve(Fixture.request())
        let postings = try ledger.postingCount()
        // When the same request arrives again, even after John's balance changed
        let again = try ledger.reserve(Fixture.request())
        // Then the answer is the stored one and nothing more is held
        XCTAssertEqual(again, first)
        XCTAssertEqual(try ledger.postingCount(), postings)
        XCTAssertEqual(try ledger.balance(Fixture.john), 19_985)
    }

    func testReserve_whenAFailureIsRedelivered_answersFailedAgainEvenIfFundsArrived() throws {
        // Given John's 30,000 payment that failed for lack of funds
        let ledger = try Fixture.seededLedger()
        XCTAssertEqual(try ledger.reserve(Fixture.request(amount: 30_000)), .failed(reasonCode: ReasonCode.insufficientFunds))
        // When Mary sends him 6,000 and the failed request is redelivered
        let topUp = Fixture.request("TXN-20240902-900", from: Fixture.mary, to: Fixture.john.value, amount: 6_000)
        guard case .reserved = try ledger.reserve(topUp) else { return XCTFail("top-up") }
        guard case .completed = try ledger.execute(transactionId: topUp.transactionId, now: Fixture.completionTime) else {
            return XCTFail("top-up")
        }
        // Then the stored answer stands (a second, different decision would contradict the first),
        // while a new request for the same amount now fits
        XCTAssertEqual(try ledger.reserve(Fixture.request(amount: 30_000)), .failed(reasonCode: ReasonCode.insufficientFunds))
        guard case .reserved = try ledger.reserve(Fixture.request("TXN-20240902-002", amount: 30_000)) else {
            return XCTFail("a new request is judged afresh")
        }
    }
}
