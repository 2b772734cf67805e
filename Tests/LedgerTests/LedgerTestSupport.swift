import Foundation
import GRDB
import Ledger
import Payments
import XCTest

/// Shared fixtures: keys, the seed's parties and times, and request builders.
enum Fixture {
    static let tokenKey = Data(repeating: 0x5A, count: 32)
    static let pepper = Data(repeating: 0xA5, count: 32)
    static let john = try! MSISDN(parsing: "254700123456")
    static let mary = try! MSISDN(parsing: "254711987654")
    static let unregistered = try! MSISDN(parsing: "254799999999")
    /// The seed's request time, 2024-09-02T14:30:00Z.
    static let requestTime = Date(timeIntervalSince1970: 1_725_287_400)
    /// The seed's completion time, 2024-09-02T14:30:03Z.
    static let completionTime = Date(timeIntervalSince1970: 1_725_287_403)

    static func tokenizer() throws -> MSISDNTokenizer { try MSISDNTokenizer(keyId: "v1", key: tokenKey) }
    static func hasher() throws -> PINHasher { try PINHasher(pepper: pepper) }

    /// An in-memory ledger with the seed's two subscribers (25,000 and 8,500).
    static func seededLedger(configuration: LedgerConfiguration = LedgerConfiguration()) throws -> LedgerDatabase {
        let ledger = try LedgerDatabase.inMemory(tokenizer: tokenizer(), pinHasher: hasher(), configuration: configuration)
        try ledger.addSubscriber(msisdn: john, name: "JOHN KAMAU", openingBalance: 25_000, now: requestTime)
        try ledger.addSubscriber(msisdn: mary, name: "MARY WANJIKU", openingBalance: 8_500, now: requestTime)
        return ledger
    }

    /// A ledger on a fresh temporary file; the directory is removed by the test's teardown block.
    static func fileLedger(_ test: XCTestCase) throws -> (LedgerDatabase, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite")
        return (try LedgerDatabase.open(path: path.path, tokenizer: tokenizer(), pinHasher: hasher()), path)
    }

    static func id(_ text: String) -> TransactionID { try! TransactionID(parsing: text) }

    static func request(
        _ id: String = "TXN-20240902-001", from: MSISDN = john, to: String = "254711987654", amount: Money = 5_000,
        type: TransactionType = .p2pTransfer
    ) -> PaymentRequest {
        PaymentRequest(
            transactionId: Fixture.id(id), timestamp: requestTime, fromMsisdn: from, toMsisdn: to, amount: amount,
            transactionType: type, initiationChannel: "USSD", deviceId: "IMEI-123456789", location: "NAIROBI")
    }
}

extension LedgerDatabase {
    /// Reserve with the default limits at the seed's time.
    func reserve(_ request: PaymentRequest, fee: Money = 15, limits: TierLimits = .default) throws -> ReserveOutcome {
        try reserve(request: request, fee: fee, limits: limits, now: Fixture.requestTime)
    }

    func balance(_ msisdn: MSISDN) throws -> Int64 { try XCTUnwrap(balance(of: msisdn)).amount }

    func postingCount() throws -> Int { try writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM posting") ?? 0 } }
}
