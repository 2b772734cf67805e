import Foundation
import Ledger
import Payments
import XCTest

/// Two core processes on one ledger file: the limit check and the hold are one transaction.
final class ConcurrencyTests: XCTestCase {
    func testConcurrentReserves_againstADailyLimitOnlyOneFits_reserveExactlyOne() async throws {
        // Given John (25,000) with a daily limit of 8,000, on a file opened by two "processes"
        let (first, path) = try Fixture.fileLedger(self)
        try first.addSubscriber(msisdn: Fixture.john, name: "JOHN KAMAU", openingBalance: 25_000)
        try first.addSubscriber(msisdn: Fixture.mary, name: "MARY WANJIKU", openingBalance: 8_500)
        let second = try LedgerDatabase.open(path: path.path, tokenizer: Fixture.tokenizer(), pinHasher: Fixture.hasher())
        let limits = TierLimits(tiers: [1: .init(perTransaction: 8_000, daily: 8_000)])

        // When two payments of 5,000 race, one on each connection
        let outcomes = try await withThrowingTaskGroup(of: ReserveOutcome.self) { group in
            for (n, ledger) in [first, second].enumerated() {
                group.addTask {
                    try await ledger.reserve(
                        request: Fixture.request("TXN-20240902-00\(n)"), fee: 15, limits: limits, now: Fixture.requestTime)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        // Then exactly one is reserved and the other fails on the daily limit
        XCTAssertEqual(outcomes.filter { if case .reserved = $0 { true } else { false } }.count, 1)
        XCTAssertEqual(outcomes.filter { $0 == .failed(reasonCode: ReasonCode.dailyLimitExceeded) }.count, 1)
        XCTAssertEqual(try first.balance(Fixture.john), 19_985)
        XCTAssertTrue(try second.checkInvariants().isHealthy)
    }

    func testConcurrentReserves_againstFundsOnlyOneFits_reserveExactlyOne() async throws {
        // Given John with 25,000 and two payments of 20,000 racing on two connections
        let (first, path) = try Fixture.fileLedger(self)
        try first.addSubscriber(msisdn: Fixture.john, name: "JOHN KAMAU", openingBalance: 25_000)
        try first.addSubscriber(msisdn: Fixture.mary, name: "MARY WANJIKU", openingBalance: 8_500)
        let second = try LedgerDatabase.open(path: path.path, tokenizer: Fixture.tokenizer(), pinHasher: Fixture.hasher())
        let outcomes = try await withThrowingTaskGroup(of: ReserveOutcome.self) { group in
            for (n, ledger) in [first, second].enumerated() {
                group.addTask {
                    try await ledger.reserve(
                        request: Fixture.request("TXN-20240902-01\(n)", amount: 20_000), fee: 15, limits: .default,
                        now: Fixture.requestTime)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Then one holds 20,015 and the other is declined for funds; the balance never went negative
        XCTAssertEqual(outcomes.filter { $0 == .failed(reasonCode: ReasonCode.insufficientFunds) }.count, 1)
        XCTAssertEqual(try first.balance(Fixture.john), 4_985)
    }
}
