import GRDB

/// The ledger's bookkeeping invariants, measured. A healthy ledger has ``isHealthy`` true after every
/// committed transaction; property tests and `pesagate` health checks read this.
public struct LedgerInvariants: Sendable, Hashable {
    /// Sum of all balances: always 0, since every posting is balanced and opening balances come from
    /// the issuance account.
    public let totalBalance: Int64
    /// Entries whose postings do not sum to zero.
    public let unbalancedEntries: Int
    /// Accounts whose `balance` column differs from the sum of their postings.
    public let balanceMismatches: Int
    /// Non-issuance accounts below zero.
    public let negativeBalances: Int
    /// The hold account's balance.
    public let holdBalance: Int64
    /// Amount + fee of reservations still held: must equal ``holdBalance``.
    public let heldReservationsTotal: Int64
    /// Reservations still held.
    public let openHolds: Int

    public var isHealthy: Bool {
        totalBalance == 0 && unbalancedEntries == 0 && balanceMismatches == 0 && negativeBalances == 0
            && holdBalance == heldReservationsTotal
    }
}

extension LedgerDatabase {
    /// Measures ``LedgerInvariants`` in one read transaction (a full scan: for tests and health checks).
    public func checkInvariants() throws -> LedgerInvariants {
        try read { db in
            let held = try Row.fetchOne(
                db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(amount + fee), 0) AS total FROM reservation WHERE status = 'held'")!
            return LedgerInvariants(
                totalBalance: try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(balance), 0) FROM account") ?? 0,
                unbalancedEntries: try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM (SELECT entryId FROM posting GROUP BY entryId HAVING SUM(amount) <> 0)
                    """) ?? 0,
                balanceMismatches: try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM account a
                    WHERE a.balance <> (SELECT COALESCE(SUM(amount), 0) FROM posting p WHERE p.accountId = a.id)
                    """) ?? 0,
                negativeBalances: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM account WHERE kind <> 'issuance' AND balance < 0") ?? 0,
                holdBalance: try Journal.balance(db, accountId: SystemAccount.hold),
                heldReservationsTotal: held["total"],
                openHolds: held["n"])
        }
    }
}
