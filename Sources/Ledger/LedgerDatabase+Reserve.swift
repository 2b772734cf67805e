import Foundation
import GRDB
import Payments

extension LedgerDatabase {
    /// Answers a payment request: checks funds and the sender's tier limits and holds amount + fee, all
    /// in one write transaction, so two concurrent payments cannot both pass a limit only one fits.
    ///
    /// Idempotent by (transactionId, `reserve`): a redelivered request gets the stored answer. The
    /// answer's `CoreResult` (RESERVED or FAILED) is written to the outbox in the same transaction.
    public func reserve(
        request: PaymentRequest, fee: Money, limits: TierLimits, now: Date = Date(), arrivedAt: Date? = nil
    ) throws -> ReserveOutcome {
        try transaction { db in
            try reserve(db, request: request, fee: fee, limits: limits, now: now, arrivedAt: arrivedAt)
        }
    }

    func reserve(
        _ db: Database, request: PaymentRequest, fee: Money, limits: TierLimits, now: Date, arrivedAt: Date?
    ) throws -> ReserveOutcome {
        let txn = request.transactionId.value
        if let stored = try Idempotency.storedAnswer(db, ReserveOutcome.self, transactionId: txn, step: Step.reserve) {
            return stored
        }
        let outcome = try evaluateAndHold(db, request: request, fee: fee, limits: limits, now: now)
        let result: CoreResult
        switch outcome {
        case let .reserved(reservationId, coreTransactionId):
            result = CoreResult(
                transactionId: request.transactionId, coreStatus: .reserved, reservationId: reservationId,
                coreTransactionId: coreTransactionId, processingTime: Self.milliseconds(from: arrivedAt, to: now))
        case let .failed(reasonCode):
            result = CoreResult(
                transactionId: request.transactionId, coreStatus: .failed,
                processingTime: Self.milliseconds(from: arrivedAt, to: now), reasonCode: reasonCode)
        }
        try Outbox.append(
            db, event: result, eventId: result.eventId, topic: .coreProcessing, key: txn, transactionId: txn,
            step: Step.reserve, at: now)
        try Idempotency.store(db, outcome, transactionId: txn, step: Step.reserve, at: now)
        return outcome
    }

    /// The checks, in the order a subscriber would want the reason: tombstone, amount, parties, limits,
    /// funds. Only when all pass is anything posted.
    private func evaluateAndHold(
        _ db: Database, request: PaymentRequest, fee: Money, limits: TierLimits, now: Date
    ) throws -> ReserveOutcome {
        let txn = request.transactionId.value
        let tombstoned = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM tombstone WHERE transactionId = ?"), arguments: [txn]) ?? false
        if tombstoned { return .failed(reasonCode: ReasonCode.releasedBeforeRequest) }

        let amount = request.amount.amount
        guard request.amount.currency == Money.defaultCurrency, fee.currency == Money.defaultCurrency,
              amount > 0, fee.amount >= 0, amount <= Int64.max / 2, fee.amount <= Int64.max / 2
        else { return .failed(reasonCode: ReasonCode.invalidAmount) }

        guard let sender = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT a.id, a.balance, s.kycTier, s.status FROM subscriber s JOIN account a ON a.id = s.accountId
                WHERE s.msisdn = ?
                """), arguments: [request.fromMsisdn.value])
        else { return .failed(reasonCode: ReasonCode.unknownSender) }
        let senderId: Int64 = sender["id"]
        guard (sender["status"] as String) == SubscriberStatus.active.rawValue else {
            return .failed(reasonCode: LedgerReason.accountInactive)
        }
        let recipient: Int64
        switch try recipientAccount(db, of: request) {
        case let .success(id): recipient = id
        case let .failure(reason): return .failed(reasonCode: reason.code)
        }
        guard recipient != senderId else { return .failed(reasonCode: LedgerReason.sameAccount) }

        let tierLimits = limits.limits(forTier: sender["kycTier"])
        guard amount <= tierLimits.perTransaction.amount else {
            return .failed(reasonCode: ReasonCode.transactionLimitExceeded)
        }
        let day = configuration.limitDay(now)
        let usedToday = try Int64.fetchOne(
            db.cachedStatement(sql: """
                SELECT COALESCE(SUM(amount), 0) FROM reservation
                WHERE senderAccountId = ? AND limitDay = ? AND status IN ('held', 'executed')
                """), arguments: [senderId, day]) ?? 0
        guard usedToday + amount <= tierLimits.daily.amount else {
            return .failed(reasonCode: ReasonCode.dailyLimitExceeded)
        }
        let total = amount + fee.amount
        let balance: Int64 = sender["balance"]
        guard total <= balance else { return .failed(reasonCode: ReasonCode.insufficientFunds) }

        try Journal.post(
            db, reference: txn, step: Step.reserve,
            legs: [.init(accountId: senderId, amount: -total), .init(accountId: SystemAccount.hold, amount: total)],
            at: now)
        // Ids in the seed's shape (RES-789123, CORE-789123) from the next row id: unique without
        // coordination, because this transaction holds the write lock.
        let rowId = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM reservation")) ?? 1)
        let reservationId = "RES-\(rowId)"
        let coreTransactionId = "CORE-\(rowId)"
        try db.cachedStatement(sql: """
            INSERT INTO reservation (id, transactionId, reservationId, coreTransactionId, senderAccountId,
              recipientAccountId, amount, fee, senderPreviousBalance, senderNewBalance, limitDay, status,
              createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'held', ?, ?)
            """)
            .execute(arguments: [
                rowId, txn, reservationId, coreTransactionId, senderId, recipient, amount, fee.amount, balance,
                balance - total, day, now.timeIntervalSince1970, now.timeIntervalSince1970,
            ])
        return .reserved(reservationId: reservationId, coreTransactionId: coreTransactionId)
    }

    static func milliseconds(from start: Date?, to end: Date) -> Int64? {
        guard let start else { return nil }
        return max(0, Int64((end.timeIntervalSince(start) * 1_000).rounded()))
    }
}
