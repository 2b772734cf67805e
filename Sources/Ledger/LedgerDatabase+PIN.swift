import Foundation
import GRDB
import Payments

extension LedgerDatabase {
    /// Sets (or changes) a subscriber's PIN: a new random salt and the verifier, never the PIN. Clears
    /// any wrong-PIN count and lock.
    public func setPIN(_ pin: String, for msisdn: MSISDN) throws {
        guard PINHasher.isWellFormed(pin) else { throw LedgerError.invalidPIN }
        let salt = pinHasher.makeSalt()
        let verifier = pinHasher.verifier(pin: pin, salt: salt)
        try transaction { db in
            try db.execute(
                sql: """
                    UPDATE subscriber SET pinSalt = ?, pinVerifier = ?, failedPINAttempts = 0, pinLockedUntil = NULL
                    WHERE msisdn = ?
                    """,
                arguments: [salt, verifier, msisdn.value])
            guard db.changesCount == 1 else { throw LedgerError.unknownSubscriber(msisdn.value) }
        }
    }

    /// Checks a PIN entered in a session.
    ///
    /// - `attemptID` names this entry (e.g. session id plus hop): a replayed hop with the same id gets
    ///   the stored answer and does not count twice.
    /// - A wrong PIN increments the count in ONE conditional UPDATE, so wrong attempts from two sessions
    ///   at once still lock at the threshold; reaching it sets the lock.
    /// - While locked, even the right PIN is refused; once the lock has passed, counting starts over.
    public func verifyPIN(_ pin: String, for msisdn: MSISDN, attemptID: String, now: Date = Date()) throws -> PINVerification {
        try transaction { db in try verifyPIN(db, pin, for: msisdn, attemptID: attemptID, now: now) }
    }

    /// The async twin: the attempt is a durable write (its fsync takes milliseconds), so the USSD hop
    /// waits for it without holding a thread of the cooperative pool.
    public func verifyPIN(_ pin: String, for msisdn: MSISDN, attemptID: String, now: Date = Date()) async throws -> PINVerification {
        try await transaction { db in try verifyPIN(db, pin, for: msisdn, attemptID: attemptID, now: now) }
    }

    private func verifyPIN(_ db: Database, _ pin: String, for msisdn: MSISDN, attemptID: String, now: Date) throws -> PINVerification {
        if let stored = try Data.fetchOne(
            db.cachedStatement(sql: "SELECT answer FROM pinAttempt WHERE attemptId = ?"), arguments: [attemptID]) {
            return try Idempotency.decoder.decode(PINVerification.self, from: stored)
        }
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT accountId, status, pinSalt, pinVerifier, pinLockedUntil FROM subscriber WHERE msisdn = ?"),
            arguments: [msisdn.value])
        else { throw LedgerError.unknownSubscriber(msisdn.value) }
        guard let salt = row["pinSalt"] as Data?, let verifier = row["pinVerifier"] as Data? else {
            throw LedgerError.pinNotSet(msisdn.value)
        }
        let accountId: Int64 = row["accountId"]
        let answer = try decide(
            db, accountId: accountId, status: row["status"], lockedUntil: row["pinLockedUntil"],
            matches: pinHasher.matches(pin: pin, salt: salt, verifier: verifier), now: now)
        try db.cachedStatement(sql: "INSERT INTO pinAttempt (attemptId, accountId, answer, createdAt) VALUES (?, ?, ?, ?)")
            .execute(arguments: [attemptID, accountId, try Idempotency.encoder.encode(answer), now.timeIntervalSince1970])
        return answer
    }

    private func decide(
        _ db: Database, accountId: Int64, status: String, lockedUntil: Double?, matches: Bool, now: Date
    ) throws -> PINVerification {
        guard status == SubscriberStatus.active.rawValue else { return .accountInactive }
        let nowSeconds = now.timeIntervalSince1970
        if let lockedUntil, lockedUntil > nowSeconds {
            return .locked(until: Date(timeIntervalSince1970: lockedUntil))
        }
        if matches {
            try db.cachedStatement(sql: "UPDATE subscriber SET failedPINAttempts = 0, pinLockedUntil = NULL WHERE accountId = ?")
                .execute(arguments: [accountId])
            return .accepted
        }
        let threshold = configuration.pinLockThreshold
        // One statement: an expired lock restarts the count at 1; reaching the threshold sets the lock.
        let row = try Row.fetchOne(
            db,
            sql: """
                UPDATE subscriber SET
                  failedPINAttempts = CASE WHEN pinLockedUntil IS NOT NULL AND pinLockedUntil <= :now THEN 1
                                           ELSE failedPINAttempts + 1 END,
                  pinLockedUntil = CASE
                    WHEN (CASE WHEN pinLockedUntil IS NOT NULL AND pinLockedUntil <= :now THEN 1
                               ELSE failedPINAttempts + 1 END) >= :threshold THEN :now + :duration
                    ELSE NULL END
                WHERE accountId = :id
                RETURNING failedPINAttempts, pinLockedUntil
                """,
            arguments: ["now": nowSeconds, "threshold": threshold, "duration": configuration.pinLockDuration, "id": accountId])
        guard let row else { throw LedgerError.unknownSubscriber("account \(accountId)") }
        if let until = row["pinLockedUntil"] as Double? {
            return .locked(until: Date(timeIntervalSince1970: until))
        }
        return .rejected(attemptsLeft: max(0, threshold - (row["failedPINAttempts"] as Int)))
    }
}
