import Foundation
import GRDB
import Payments

extension LedgerDatabase {
    /// Executes a held reservation: hold → recipient (amount) and hold → fee income (fee), in one
    /// transaction with its `COMPLETED` event and the two balance audit events in the outbox.
    ///
    /// Idempotent by (transactionId, `execute`). A failure (unknown or released reservation) posts
    /// nothing and is not stored, since it changed nothing and asking again is harmless.
    public func execute(transactionId: TransactionID, now: Date = Date()) throws -> ExecuteOutcome {
        try transaction { db in try execute(db, transactionId: transactionId, now: now) }
    }

    func execute(_ db: Database, transactionId: TransactionID, now exactNow: Date) throws -> ExecuteOutcome {
        let txn = transactionId.value
        if let stored = try Idempotency.storedBytes(db, transactionId: txn, step: Step.execute) {
            return .completed(try EventCoding.decode(ExecutionReceipt.Stored.self, from: stored).receipt)
        }
        // Event times travel in whole seconds; truncating here makes a replayed receipt (decoded from
        // the stored event JSON) equal to the first one.
        let now = Date(timeIntervalSince1970: exactNow.timeIntervalSince1970.rounded(.down))
        guard let held = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT r.id, r.status, r.amount, r.fee, r.senderPreviousBalance, r.senderNewBalance,
                       r.coreTransactionId, r.senderAccountId, r.recipientAccountId,
                       sa.number AS senderNumber, ra.number AS recipientNumber, ra.kind AS recipientKind
                FROM reservation r JOIN account sa ON sa.id = r.senderAccountId
                JOIN account ra ON ra.id = r.recipientAccountId
                WHERE r.transactionId = ?
                """), arguments: [txn])
        else { return .failed(reasonCode: LedgerReason.unknownReservation) }
        switch held["status"] as String {
        case "released": return .failed(reasonCode: LedgerReason.reservationReleased)
        case "held": break
        default: return .failed(reasonCode: LedgerReason.alreadyExecuted)  // executed without a stored answer: impossible
        }
        let amount: Int64 = held["amount"]
        let fee: Int64 = held["fee"]
        let recipientId: Int64 = held["recipientAccountId"]
        let recipientBefore = try Journal.balance(db, accountId: recipientId)
        try Journal.post(
            db, reference: txn, step: Step.execute,
            legs: [
                .init(accountId: SystemAccount.hold, amount: -(amount + fee)),
                .init(accountId: recipientId, amount: amount),
                .init(accountId: SystemAccount.feeIncome, amount: fee),
            ],
            at: now)
        try db.cachedStatement(sql: "UPDATE reservation SET status = 'executed', updatedAt = ? WHERE id = ?")
            .execute(arguments: [now.timeIntervalSince1970, held["id"]])

        let senderNumber: String = held["senderNumber"]
        let recipientNumber: String = held["recipientNumber"]
        let senderBalance = try Journal.balance(db, accountId: held["senderAccountId"])
        let completion = CoreCompletion(
            transactionId: transactionId, debitAccount: senderNumber,
            creditAccount: recipientNumber, debitedAmount: Money(amount: amount + fee),
            creditedAmount: Money(amount: amount), transactionFee: Money(amount: fee), completionTime: now,
            senderNewBalance: Money(amount: senderBalance), coreTransactionId: held["coreTransactionId"])
        // The sender's balance moved when the reservation was taken; the debit becomes final now, so its
        // audit fact carries the balances of that moment.
        let senderAudit = AuditEvent(
            transactionId: transactionId, eventType: .balanceDebited, msisdn: auditIdentity(number: senderNumber, kind: "customer"),
            msisdnSealed: sealedIdentity(number: senderNumber, kind: "customer"),
            previousBalance: Money(amount: held["senderPreviousBalance"]),
            newBalance: Money(amount: held["senderNewBalance"]), timestamp: now, service: configuration.serviceName)
        let recipientAudit = AuditEvent(
            transactionId: transactionId, eventType: .balanceCredited,
            msisdn: auditIdentity(number: recipientNumber, kind: held["recipientKind"]),
            msisdnSealed: sealedIdentity(number: recipientNumber, kind: held["recipientKind"]),
            previousBalance: Money(amount: recipientBefore), newBalance: Money(amount: recipientBefore + amount),
            timestamp: now, service: configuration.serviceName)
        let receipt = ExecutionReceipt(completion: completion, senderAudit: senderAudit, recipientAudit: recipientAudit)

        // The stored answer is the three events' own JSON as an array: encoded once, for both uses.
        var stored = Data("[".utf8)
        stored += try Outbox.append(
            db, event: completion, eventId: completion.eventId, topic: .coreProcessing, key: txn, transactionId: txn,
            step: Step.execute, at: now)
        for audit in [senderAudit, recipientAudit] {
            stored += Data(",".utf8)
            stored += try Outbox.append(
                db, event: audit, eventId: audit.eventId, topic: .auditTrail, key: audit.eventId, transactionId: txn,
                step: Step.execute, at: now)
        }
        stored += Data("]".utf8)
        try Idempotency.storeBytes(db, stored, transactionId: txn, step: Step.execute, at: now)
        return .completed(receipt)
    }

    /// What an audit event names: a token for a subscriber, `KIND:number` for a business or system
    /// account (not personal data).
    func auditIdentity(number: String, kind: String) -> String {
        if kind == AccountKind.customer.rawValue, let msisdn = try? MSISDN(parsing: number) {
            return tokenizer.token(msisdn)
        }
        return "\(kind.uppercased()):\(number)"
    }

    /// The subscriber's number sealed for the archive; nil for business accounts, which are named openly.
    func sealedIdentity(number: String, kind: String) -> String? {
        guard kind == AccountKind.customer.rawValue, let msisdn = try? MSISDN(parsing: number) else { return nil }
        return tokenizer.seal(msisdn)
    }

    /// The token and sealed number an audit event carries for `msisdn` (the orchestrator's events).
    public func auditParty(_ msisdn: MSISDN) -> (token: String, sealed: String) {
        (tokenizer.token(msisdn), tokenizer.seal(msisdn))
    }
}
