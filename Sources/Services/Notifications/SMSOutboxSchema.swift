import GRDB

/// The outbox's migrations, named by string and frozen once shipped: a change is a new migration.
///
/// The schema carries the invariants: one row per (transaction, recipient role), so a redelivered
/// confirmation cannot queue a second SMS; a known state; one part row per part number.
/// Times are integer milliseconds since 1970, compared exactly and never shifted by a locale.
enum SMSOutboxSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-sms", migrate: createSMS)
        migrator.registerMigration("v2-link") { db in
            // The SMSC link that accepted the row, so its receipts are matched on that link after a
            // restart (message ids are unique per SMSC only). NULL on rows from before, and on rows
            // never accepted.
            try db.execute(sql: "ALTER TABLE sms ADD COLUMN link TEXT")
        }
        migrator.registerMigration("v3-partial-indexes") { db in
            // The dispatcher's two scans, kept to the rows they want as the outbox grows: finished rows
            // whose event is not yet published, and live rows by age limit. Their WHERE clauses repeat
            // the queries' (`unpublishedFinal`, `expireStale`) word for word, which SQLite requires.
            try db.execute(sql: """
                CREATE INDEX sms_unpublished ON sms (finishedAt, id)
                  WHERE eventPublished = 0 AND state IN ('delivered', 'failed', 'expired');
                CREATE INDEX sms_live_by_expiry ON sms (expiresAt) WHERE state IN ('queued', 'submitted');
                """)
        }
        return migrator
    }

    private static func createSMS(_ db: Database) throws {
        let states = SMSState.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
        let roles = SMSRecipientRole.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
        try db.execute(sql: """
            CREATE TABLE sms (
              id INTEGER PRIMARY KEY,
              transactionId TEXT NOT NULL,
              role TEXT NOT NULL CHECK (role IN (\(roles))),
              msisdn TEXT NOT NULL,
              language TEXT NOT NULL,
              text TEXT NOT NULL,
              state TEXT NOT NULL CHECK (state IN (\(states))),
              attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
              resends INTEGER NOT NULL DEFAULT 0 CHECK (resends >= 0),
              createdAt INTEGER NOT NULL,
              expiresAt INTEGER NOT NULL,
              submittedAt INTEGER,
              finishedAt INTEGER,
              lastError TEXT,
              traceparent TEXT,
              eventPublished INTEGER NOT NULL DEFAULT 0 CHECK (eventPublished IN (0, 1)),
              UNIQUE (transactionId, role)
            );
            CREATE INDEX sms_by_state ON sms (state, id);
            CREATE TABLE sms_part (
              smsId INTEGER NOT NULL REFERENCES sms(id),
              partNumber INTEGER NOT NULL CHECK (partNumber >= 1),
              totalParts INTEGER NOT NULL CHECK (totalParts >= partNumber),
              messageId TEXT NOT NULL,
              receiptState TEXT,
              errorCode TEXT,
              receiptAt INTEGER,
              PRIMARY KEY (smsId, partNumber)
            );
            """)
    }
}
