import Foundation
import GRDB
import Payments

extension LedgerDatabase {
    /// Frees a reservation: hold → sender (amount + fee), with a `RELEASED` result and a `RELEASED`
    /// audit event in the outbox. For a transaction core has not seen, leaves a tombstone so the
    /// request, when it arrives, fails and reserves nothing.
    ///
    /// Idempotent by (transactionId, `release`). Releasing an executed payment changes nothing.
    public func release(transactionId: TransactionID, reason: String? = nil, now: Date = Date()) throws -> ReleaseOutcome {
        try transaction { db in try release(db, transactionId: transactionId, reason: reason, now: now) }
    }

    func release(_ db: Database, transactionId: TransactionID, reason: String?, now: Date) throws -> ReleaseOutcome {
        let txn = transactionId.value
        if let stored = try Idempotency.storedAnswer(db, ReleaseOutcome.self, transactionId: txn, step: Step.release) {
            return stored
        }
        let held = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT id, status, amount, fee, senderAccountId, reservationId, coreTransactionId
                FROM reservation WHERE transactionId = ?
                """), arguments: [txn])
        let outcome: ReleaseOutcome
        let result: CoreResult
        if let held {
            guard (held["status"] as String) == "held" else { return .failed(reasonCode: LedgerReason.alreadyExecuted) }
            let total = (held["amount"] as Int64) + (held["fee"] as Int64)
            try Journal.post(
                db, reference: txn, step: Step.release,
                legs: [.init(accountId: SystemAccount.hold, amount: -total), .init(accountId: held["senderAccountId"], amount: total)],
                at: now)
            try db.cachedStatement(sql: "UPDATE reservation SET status = 'released', updatedAt = ? WHERE id = ?")
                .execute(arguments: [now.timeIntervalSince1970, held["id"]])
            outcome = .released(reservationId: held["reservationId"])
            result = CoreResult(
                transactionId: transactionId, coreStatus: .released, reservationId: held["reservationId"],
                coreTransactionId: held["coreTransactionId"], reasonCode: reason)
        } else {
            try db.cachedStatement(sql: "INSERT INTO tombstone (transactionId, reason, createdAt) VALUES (?, ?, ?)")
                .execute(arguments: [txn, reason, now.timeIntervalSince1970])
            outcome = .tombstoned
            result = CoreResult(transactionId: transactionId, coreStatus: .released, reasonCode: reason)
        }
        try Outbox.append(
            db, event: result, eventId: result.eventId, topic: .coreProcessing, key: txn, transactionId: txn,
            step: Step.release, at: now)
        let audit = AuditEvent(
            transactionId: transactionId, eventType: .released, timestamp: now, service: configuration.serviceName,
            detail: outcome == .tombstoned ? "released before request" : reason)
        try Outbox.append(
            db, event: audit, eventId: audit.eventId, topic: .auditTrail, key: audit.eventId, transactionId: txn,
            step: Step.release, at: now)
        try Idempotency.store(db, outcome, transactionId: txn, step: Step.release, at: now)
        return outcome
    }
}
