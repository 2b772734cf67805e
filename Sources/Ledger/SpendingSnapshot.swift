import Foundation
import GRDB
import Payments

/// What the revenue service needs to answer a request as the seed shows it (`accountBalance`,
/// `dailyUsed`), read from posted state and never counting the request's own reservation, so the answer
/// does not depend on whether core reserved first (issue 6: `remainingBalance` 19,985, not 14,970).
public struct SpendingSnapshot: Sendable, Hashable {
    public let balance: Money
    public let dailyUsed: Money
    public let kycTier: Int
    public let status: SubscriberStatus
}

extension LedgerDatabase {
    /// The sender's balance and today's spending as if `transactionId` had not been reserved; nil for an
    /// unknown MSISDN. Informational: core's check at reservation is the authoritative one.
    public func spendingSnapshot(of msisdn: MSISDN, excluding transactionId: TransactionID, now: Date = Date()) throws -> SpendingSnapshot? {
        try read { db in
            guard let row = try Row.fetchOne(
                db, sql: """
                    SELECT a.id, a.balance, s.kycTier, s.status FROM subscriber s JOIN account a ON a.id = s.accountId
                    WHERE s.msisdn = ?
                    """, arguments: [msisdn.value])
            else { return nil }
            let accountId: Int64 = row["id"]
            let own = try Row.fetchOne(
                db, sql: "SELECT amount, fee, limitDay FROM reservation WHERE transactionId = ? AND senderAccountId = ? AND status = 'held'",
                arguments: [transactionId.value, accountId])
            let day = configuration.limitDay(now)
            let used = try Int64.fetchOne(
                db, sql: """
                    SELECT COALESCE(SUM(amount), 0) FROM reservation
                    WHERE senderAccountId = ? AND limitDay = ? AND status IN ('held', 'executed') AND transactionId <> ?
                    """, arguments: [accountId, day, transactionId.value]) ?? 0
            let heldByThis = own.map { ($0["amount"] as Int64) + ($0["fee"] as Int64) } ?? 0
            return SpendingSnapshot(
                balance: Money(amount: (row["balance"] as Int64) + heldByThis), dailyUsed: Money(amount: used),
                kycTier: row["kycTier"], status: SubscriberStatus(rawValue: row["status"]) ?? .closed)
        }
    }
}
