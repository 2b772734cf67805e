import Foundation
import Ledger
import Payments

/// Opens the ledger database of the data directory with its keys, and seeds the demo subscribers
/// (with the demo PIN) the first time, so the seed's example works out of the box.
enum LedgerSetup {
    /// The PIN of the seeded demo subscribers. Demo data only: real subscribers set theirs with
    /// `pesagate accounts set-pin`.
    static let demoPIN = "1234"

    static func open(_ data: DataDirectory, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LedgerDatabase {
        let keys = try SecretKeys.load(data: data, environment: environment)
        return try LedgerDatabase.open(
            path: data.file("ledger.sqlite"),
            tokenizer: try MSISDNTokenizer(keyId: keys.tokenKeyID, key: keys.tokenKey),
            pinHasher: try PINHasher(pepper: keys.pinPepper))
    }

    /// Seeds demo accounts; returns true when it created any.
    @discardableResult
    static func seedDemo(_ ledger: LedgerDatabase) throws -> Bool {
        let before = try ledger.listSubscribers().count
        try ledger.seedDemoData()
        for subscriber in try ledger.listSubscribers() where !subscriber.hasPIN {
            try ledger.setPIN(demoPIN, for: subscriber.msisdn)
        }
        return try ledger.listSubscribers().count > before
    }
}
