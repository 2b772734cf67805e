import Foundation
import Ledger
import Payments
import XCTest

/// Subscribers, businesses, demo and load seeding, the mini statement.
final class AccountsTests: XCTestCase {
    func testSeedDemoData_givesTheSeedsBalancesAndIsIdempotent() throws {
        // Given an empty ledger seeded twice
        let ledger = try LedgerDatabase.inMemory(tokenizer: Fixture.tokenizer(), pinHasher: Fixture.hasher())
        try ledger.seedDemoData()
        try ledger.seedDemoData()
        // Then the seed's subscribers have 25,000 and 8,500 once, with names, and businesses exist
        XCTAssertEqual(try ledger.balance(Fixture.john), 25_000)
        XCTAssertEqual(try ledger.balance(Fixture.mary), 8_500)
        let subscribers = try ledger.listSubscribers()
        XCTAssertEqual(subscribers.first { $0.msisdn == Fixture.john }?.name, "JOHN KAMAU")
        XCTAssertEqual(subscribers.first { $0.msisdn == Fixture.mary }?.name, "MARY WANJIKU")
        XCTAssertGreaterThanOrEqual(subscribers.count, 4)
        XCTAssertTrue(subscribers.contains { $0.language == .swahili })
        XCTAssertNotNil(try ledger.account(kind: .paybill, number: "888880"))
        XCTAssertNotNil(try ledger.account(kind: .till, number: "832910"))
        XCTAssertNotNil(try ledger.account(kind: .agent, number: "123456"))
        XCTAssertTrue(try ledger.checkInvariants().isHealthy)
    }

    func testAddSubscriber_whenMSISDNExists_throwsDuplicate() throws {
        let ledger = try Fixture.seededLedger()
        XCTAssertThrowsError(try ledger.addSubscriber(msisdn: Fixture.john, name: "SOMEONE")) {
            XCTAssertEqual($0 as? LedgerError, .duplicateAccount(Fixture.john.value))
        }
        XCTAssertEqual(try ledger.balance(Fixture.john), 25_000)
    }

    func testSchema_refusesANegativeCustomerBalanceEvenFromRawSQL() throws {
        let ledger = try Fixture.seededLedger()
        XCTAssertThrowsError(try ledger.writer.write { db in
            try db.execute(sql: "UPDATE account SET balance = -1 WHERE number = ?", arguments: [Fixture.john.value])
        })
    }

    func testSeedLoadAccounts_fundsEveryAccountFromIssuance() throws {
        let ledger = try LedgerDatabase.inMemory(tokenizer: Fixture.tokenizer(), pinHasher: Fixture.hasher())
        let accounts = try ledger.seedLoadAccounts(count: 5_000, balance: 1_000, pin: "1234")
        XCTAssertEqual(accounts.count, 5_000)
        XCTAssertEqual(Set(accounts).count, 5_000)
        XCTAssertEqual(try ledger.balance(accounts[4_999]), 1_000)
        XCTAssertEqual(try ledger.systemAccount(.issuance).balance, -5_000_000)
        XCTAssertEqual(try ledger.verifyPIN("1234", for: accounts[17], attemptID: "x"), .accepted)
        XCTAssertTrue(try ledger.checkInvariants().isHealthy)
    }

    func testMiniStatement_listsTheLastFivePostingsNewestFirst() throws {
        // Given John's opening balance and three payments to Mary, one released
        let ledger = try Fixture.seededLedger()
        for n in 1...3 {
            _ = try ledger.reserve(Fixture.request("TXN-20240902-00\(n)", amount: Money(amount: Int64(n) * 100)))
        }
        _ = try ledger.execute(transactionId: Fixture.id("TXN-20240902-001"), now: Fixture.completionTime)
        _ = try ledger.release(transactionId: Fixture.id("TXN-20240902-002"), now: Fixture.completionTime)
        // When his mini statement is read
        let lines = try ledger.miniStatement(of: Fixture.john)
        // Then it shows five lines, newest first, with Mary as counterparty
        XCTAssertEqual(lines.map(\.reference), [
            "TXN-20240902-002", "TXN-20240902-003", "TXN-20240902-002", "TXN-20240902-001", "opening:254700123456",
        ])
        XCTAssertEqual(lines.map(\.amount.amount), [215, -315, -215, -115, 25_000])
        XCTAssertEqual(lines[1].counterparty, Fixture.mary.value)
        // And Mary's shows the payment she received, from John
        let marys = try ledger.miniStatement(of: Fixture.mary)
        XCTAssertEqual(marys.first?.amount, 100)
        XCTAssertEqual(marys.first?.counterparty, Fixture.john.value)
    }

    func testTokenizer_isKeyedDeterministicAndNamesItsKey() throws {
        let tokenizer = try Fixture.tokenizer()
        let token = tokenizer.token(Fixture.john)
        XCTAssertTrue(token.hasPrefix("tok:v1:"))
        XCTAssertEqual(token.count, "tok:v1:".count + 64)
        XCTAssertFalse(token.contains("254700123456"))
        XCTAssertEqual(tokenizer.token(Fixture.john), token)
        XCTAssertNotEqual(tokenizer.token(Fixture.mary), token)
        let otherKey = try MSISDNTokenizer(keyId: "v2", key: Data(repeating: 1, count: 32))
        XCTAssertNotEqual(otherKey.token(Fixture.john).dropFirst(7), token.dropFirst(7))
        XCTAssertThrowsError(try MSISDNTokenizer(keyId: "v:1", key: Fixture.tokenKey))
        XCTAssertThrowsError(try MSISDNTokenizer(keyId: "v1", key: Data(count: 8)))
    }

    func testSeal_opensOnlyWithTheSameKeyAndNeverShowsTheNumber() throws {
        let tokenizer = try Fixture.tokenizer()
        let sealed = tokenizer.seal(Fixture.john)
        XCTAssertTrue(sealed.hasPrefix("sealed:v1:"))
        XCTAssertFalse(sealed.contains("254700123456"))
        XCTAssertEqual(tokenizer.open(sealed), Fixture.john)
        XCTAssertNotEqual(tokenizer.seal(Fixture.john), sealed, "a fresh nonce every time")
        let otherKey = try MSISDNTokenizer(keyId: "v1", key: Data(repeating: 1, count: 32))
        XCTAssertNil(otherKey.open(sealed))
        var tampered = Array(sealed)
        let middle = ("sealed:v1:".count + tampered.count) / 2
        tampered[middle] = tampered[middle] == "A" ? "B" : "A"
        XCTAssertNil(tokenizer.open(String(tampered)))
    }

    func testRegion_isKeptInCapitalsAndLoadAccountsAreSpreadOverCounties() throws {
        let ledger = try LedgerDatabase.inMemory(tokenizer: Fixture.tokenizer(), pinHasher: Fixture.hasher())
        let wanjiru = try MSISDN(parsing: "254720100020")
        try ledger.addSubscriber(msisdn: wanjiru, name: "WANJIRU NJOROGE", openingBalance: 100, region: "Nairobi")
        XCTAssertEqual(try ledger.subscriber(wanjiru)?.region, "NAIROBI")
        let load = try ledger.seedLoadAccounts(count: 10, balance: 100, firstNumber: 0)
        let regions = try Set(load.compactMap { try ledger.subscriber($0)?.region })
        XCTAssertGreaterThan(regions.count, 5, "\(regions)")
    }

    func testSetLanguage_changesTheSubscribersLanguageAndRefusesStrangers() throws {
        let ledger = try Fixture.seededLedger()
        try ledger.setLanguage(.swahili, for: Fixture.john)
        XCTAssertEqual(try ledger.subscriber(Fixture.john)?.language, .swahili)
        XCTAssertThrowsError(try ledger.setLanguage(.english, for: MSISDN(parsing: "254720100099")))
    }
}
