import Foundation
import GRDB

/// Writes balanced entries: every money movement is a set of postings that sums to zero, and each
/// account's `balance` column moves in the same statement batch, so balance and postings agree
/// (``LedgerDatabase/checkInvariants()`` proves it).
enum Journal {
    /// One leg of an entry: `amount` added to `accountId` (negative for a debit).
    struct Leg {
        let accountId: Int64
        let amount: Int64
    }

    /// Posts `legs` as one entry; returns the entry id. The legs must sum to zero.
    @discardableResult
    static func post(_ db: Database, reference: String, step: String, legs: [Leg], at date: Date) throws -> Int64 {
        precondition(legs.reduce(0) { $0 + $1.amount } == 0, "unbalanced entry \(reference) \(step)")
        try db.cachedStatement(sql: "INSERT INTO entry (reference, step, createdAt) VALUES (?, ?, ?)")
            .execute(arguments: [reference, step, date.timeIntervalSince1970])
        let entryId = db.lastInsertedRowID
        let insert = try db.cachedStatement(sql: "INSERT INTO posting (entryId, accountId, amount) VALUES (?, ?, ?)")
        let update = try db.cachedStatement(sql: "UPDATE account SET balance = balance + ? WHERE id = ?")
        for leg in legs where leg.amount != 0 {
            try insert.execute(arguments: [entryId, leg.accountId, leg.amount])
            try update.execute(arguments: [leg.amount, leg.accountId])
        }
        return entryId
    }

    /// The balance of `accountId`.
    static func balance(_ db: Database, accountId: Int64) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT balance FROM account WHERE id = ?"), arguments: [accountId]) ?? 0
    }
}
