import GRDB

/// The ledger's migrations, named by string and frozen once shipped: a change is a new migration.
///
/// The schema holds the invariants that must survive a bug in Swift: NOT NULL everywhere, foreign keys,
/// balances that cannot go below zero except the issuance account's, one idempotency row per
/// (transaction, step), one outbox row per event id.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-accounts", migrate: createAccounts)
        migrator.registerMigration("v1-postings", migrate: createPostings)
        migrator.registerMigration("v1-reservations", migrate: createReservations)
        migrator.registerMigration("v1-outbox", migrate: createOutbox)
        migrator.registerMigration("v1-pin-attempts", migrate: createPINAttempts)
        migrator.registerMigration("v1-system-accounts", migrate: insertSystemAccounts)
        migrator.registerMigration("v2-subscriber-region", migrate: addSubscriberRegion)
        return migrator
    }

    /// The county recorded at registration (KYC), e.g. `NAIROBI`: the gateway puts it in a request's
    /// `location`, since the USSD callback names neither the cell nor the handset.
    private static func addSubscriberRegion(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE subscriber ADD COLUMN region TEXT")
    }

    private static func createAccounts(_ db: Database) throws {
        let kinds = AccountKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
        try db.execute(sql: """
            CREATE TABLE account (
              id INTEGER PRIMARY KEY,
              kind TEXT NOT NULL CHECK (kind IN (\(kinds))),
              number TEXT NOT NULL,
              name TEXT NOT NULL,
              balance INTEGER NOT NULL DEFAULT 0 CHECK (kind = 'issuance' OR balance >= 0),
              UNIQUE (kind, number)
            );
            CREATE TABLE subscriber (
              accountId INTEGER PRIMARY KEY REFERENCES account(id),
              msisdn TEXT NOT NULL UNIQUE,
              language TEXT NOT NULL CHECK (language IN ('en', 'sw')),
              kycTier INTEGER NOT NULL CHECK (kycTier >= 0),
              status TEXT NOT NULL CHECK (status IN ('active', 'locked', 'closed')),
              pinSalt BLOB,
              pinVerifier BLOB,
              failedPINAttempts INTEGER NOT NULL DEFAULT 0 CHECK (failedPINAttempts >= 0),
              pinLockedUntil DOUBLE,
              createdAt DOUBLE NOT NULL,
              CHECK ((pinSalt IS NULL) = (pinVerifier IS NULL))
            );
            """)
    }

    private static func createPostings(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE entry (
              id INTEGER PRIMARY KEY,
              reference TEXT NOT NULL,
              step TEXT NOT NULL,
              createdAt DOUBLE NOT NULL
            );
            CREATE TABLE posting (
              id INTEGER PRIMARY KEY,
              entryId INTEGER NOT NULL REFERENCES entry(id),
              accountId INTEGER NOT NULL REFERENCES account(id),
              amount INTEGER NOT NULL CHECK (amount <> 0)
            );
            -- Statements read by account; entries are only scanned whole (invariant checks), so the
            -- hot path maintains no index by entry.
            CREATE INDEX posting_account ON posting(accountId, id);
            """)
    }

    private static func createReservations(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE reservation (
              id INTEGER PRIMARY KEY,
              transactionId TEXT NOT NULL UNIQUE,
              -- RES-<id> and CORE-<id>: unique because id is, so no index of their own.
              reservationId TEXT NOT NULL,
              coreTransactionId TEXT NOT NULL,
              senderAccountId INTEGER NOT NULL REFERENCES account(id),
              recipientAccountId INTEGER NOT NULL REFERENCES account(id),
              amount INTEGER NOT NULL CHECK (amount > 0),
              fee INTEGER NOT NULL CHECK (fee >= 0),
              senderPreviousBalance INTEGER NOT NULL,
              senderNewBalance INTEGER NOT NULL,
              limitDay INTEGER NOT NULL,
              status TEXT NOT NULL CHECK (status IN ('held', 'executed', 'released')),
              createdAt DOUBLE NOT NULL,
              updatedAt DOUBLE NOT NULL
            );
            CREATE INDEX reservation_daily ON reservation(senderAccountId, limitDay);
            CREATE TABLE tombstone (
              transactionId TEXT PRIMARY KEY,
              reason TEXT,
              createdAt DOUBLE NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE idempotency (
              id INTEGER PRIMARY KEY,
              transactionId TEXT NOT NULL,
              step TEXT NOT NULL,
              answer BLOB NOT NULL,
              createdAt DOUBLE NOT NULL,
              UNIQUE (transactionId, step)
            );
            """)
    }

    private static func createOutbox(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE outbox (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              eventId TEXT NOT NULL UNIQUE,
              transactionId TEXT NOT NULL,
              step TEXT NOT NULL,
              topic TEXT NOT NULL,
              key TEXT NOT NULL,
              value BLOB NOT NULL,
              createdAt DOUBLE NOT NULL,
              publishedAt DOUBLE
            );
            CREATE INDEX outbox_pending ON outbox(id) WHERE publishedAt IS NULL;
            CREATE INDEX outbox_step ON outbox(transactionId, step);
            """)
    }

    private static func createPINAttempts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE pinAttempt (
              attemptId TEXT PRIMARY KEY,
              accountId INTEGER NOT NULL REFERENCES subscriber(accountId),
              answer BLOB NOT NULL,
              createdAt DOUBLE NOT NULL
            ) WITHOUT ROWID;
            """)
    }

    /// System accounts get fixed ids so the hot path never looks them up.
    private static func insertSystemAccounts(_ db: Database) throws {
        for kind in AccountKind.systemKinds {
            try db.execute(
                sql: "INSERT INTO account (id, kind, number, name) VALUES (?, ?, ?, ?)",
                arguments: [SystemAccount.id(of: kind), kind.rawValue, kind.rawValue.uppercased(), kind.rawValue.uppercased()])
        }
    }
}

/// The fixed ids of the system accounts.
enum SystemAccount {
    static let issuance: Int64 = 1
    static let hold: Int64 = 2
    static let feeIncome: Int64 = 3
    static let airtime: Int64 = 4

    static func id(of kind: AccountKind) -> Int64 {
        switch kind {
        case .issuance: issuance
        case .hold: hold
        case .feeIncome: feeIncome
        case .airtime: airtime
        default: preconditionFailure("\(kind) is not a system account")
        }
    }
}
