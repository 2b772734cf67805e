import Foundation
import GRDB
import Ledger
import Payments
import XCTest

/// Group commit: many operations in one write transaction, each atomic and idempotent on its own.
final class BatchTests: XCTestCase {
    /// `count` P2P transfers, number n from account n % accounts to the next account, of 100 + the round
    /// (n / accounts): so every account sends and receives the same amounts and ends down only its fees.
    private func transfers(_ count: Int, among senders: [MSISDN]) -> [PaymentRequest] {
        (0..<count).map { n in
            PaymentRequest(
                transactionId: Fixture.id("TXN-20240902-B\(n)"), timestamp: Fixture.requestTime,
                fromMsisdn: senders[n % senders.count], toMsisdn: senders[(n + 1) % senders.count].value,
                amount: Money(amount: 100 + Int64(n / senders.count)), transactionType: .p2pTransfer, initiationChannel: "USSD")
        }
    }

    func testApply_tenThousandTransfers_keepsEveryInvariant() throws {
        // Given 1,000 funded accounts
        let ledger = try LedgerDatabase.inMemory(tokenizer: Fixture.tokenizer(), pinHasher: Fixture.hasher())
        let accounts = try ledger.seedLoadAccounts(count: 1_000, balance: 100_000, now: Fixture.requestTime)
        let requests = transfers(10_000, among: accounts)

        // When 10,000 reserves go in one batch and their 10,000 executes in another
        let reserved = try ledger.apply(
            requests.map { .reserve($0, fee: 5, limits: .default) }, now: Fixture.requestTime)
        let executed = try ledger.apply(requests.map { .execute($0.transactionId) }, now: Fixture.completionTime)

        // Then every one reserved and completed, fees add up, and the books balance with no hold open
        XCTAssertEqual(reserved.filter { if case .reserve(.reserved) = $0 { true } else { false } }.count, 10_000)
        XCTAssertEqual(executed.filter { if case .execute(.completed) = $0 { true } else { false } }.count, 10_000)
        XCTAssertEqual(try ledger.systemAccount(.feeIncome).balance, 50_000)
        let invariants = try ledger.checkInvariants()
        XCTAssertTrue(invariants.isHealthy, "\(invariants)")
        XCTAssertEqual(invariants.totalBalance, 0)
        XCTAssertEqual(invariants.openHolds, 0)
        XCTAssertEqual(try ledger.pendingOutbox(limit: 100_000).count, 10_000 * 4)
        // Each account sent 10 and received 10 transfers of the same amounts, so it paid only 10 fees
        for account in [accounts[0], accounts[500], accounts[999]] {
            XCTAssertEqual(try ledger.balance(account), 100_000 - 50)
        }
    }

    func testApply_whenABatchRepeatsOperations_answersEachCopyTheSameAndMovesMoneyOnce() throws {
        // Given the seed's parties
        let ledger = try Fixture.seededLedger()
        let request = Fixture.request()
        // When one batch holds the request twice, EXECUTE twice and a late RELEASE
        let outcomes = try ledger.apply([
            .reserve(request, fee: 15, limits: .default), .reserve(request, fee: 15, limits: .default),
            .execute(request.transactionId), .execute(request.transactionId), .release(request.transactionId),
        ], now: Fixture.completionTime)
        // Then copies answer alike, the release changes nothing, and Mary is credited once
        XCTAssertEqual(outcomes[0], outcomes[1])
        XCTAssertEqual(outcomes[2], outcomes[3])
        XCTAssertEqual(outcomes[4], .release(.failed(reasonCode: LedgerReason.alreadyExecuted)))
        XCTAssertEqual(try ledger.balance(Fixture.mary), 13_500)
        XCTAssertEqual(try ledger.balance(Fixture.john), 19_985)
    }

    func testApply_whenOneOperationHitsADatabaseError_rollsBackOnlyThatOne() throws {
        // Given a trigger that makes the ledger refuse the hold of one particular transaction
        let ledger = try Fixture.seededLedger()
        try ledger.writer.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_bad BEFORE INSERT ON reservation WHEN NEW.transactionId = 'TXN-20240902-BAD'
                BEGIN SELECT RAISE(ABORT, 'refused'); END
                """)
        }
        // When that transaction sits between two good ones in a batch
        let outcomes = try ledger.apply([
            .reserve(Fixture.request("TXN-20240902-001", amount: 1_000), fee: 15, limits: .default),
            .reserve(Fixture.request("TXN-20240902-BAD", amount: 1_000), fee: 15, limits: .default),
            .reserve(Fixture.request("TXN-20240902-003", amount: 1_000), fee: 15, limits: .default),
        ], now: Fixture.requestTime)
        // Then only it failed, its hold posting was rolled back, and the others committed
        guard case .error = outcomes[1] else { return XCTFail("\(outcomes[1])") }
        guard case .reserve(.reserved) = outcomes[0], case .reserve(.reserved) = outcomes[2] else { return XCTFail("\(outcomes)") }
        XCTAssertEqual(try ledger.balance(Fixture.john), 25_000 - 2 * 1_015)
        XCTAssertTrue(try ledger.checkInvariants().isHealthy)
        XCTAssertEqual(try ledger.pendingOutbox().count, 2)
    }

    func testApply_onAFileLedger_isDurableAcrossReopen() throws {
        // Given a file ledger and a batch of 1,000 transfers
        let (ledger, path) = try Fixture.fileLedger(self)
        let accounts = try ledger.seedLoadAccounts(count: 100, balance: 10_000, now: Fixture.requestTime)
        let requests = transfers(1_000, among: accounts)
        _ = try ledger.apply(requests.map { .reserve($0, fee: 1, limits: .default) }, now: Fixture.requestTime)
        _ = try ledger.apply(requests.map { .execute($0.transactionId) }, now: Fixture.completionTime)
        // When the file is opened again
        let reopened = try LedgerDatabase.open(path: path.path, tokenizer: Fixture.tokenizer(), pinHasher: Fixture.hasher())
        // Then everything is there and the file runs WAL with synchronous=FULL
        XCTAssertEqual(try reopened.systemAccount(.feeIncome).balance, 1_000)
        XCTAssertTrue(try reopened.checkInvariants().isHealthy)
        try reopened.writer.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA synchronous"), 2, "2 = FULL")
        }
    }
}
