import GRDB

extension DatabaseMigrator {
    /// Migrates a database file that other processes may be migrating at the same moment (two
    /// instances of one service started together on one data directory).
    ///
    /// GRDB reads the applied migrations before it takes the write lock, so two processes can both
    /// decide to run the same migration; the second then fails with "table already exists" once
    /// the first committed. Running the migrator again then finds the migration applied, so a
    /// failed attempt is retried a few times before the error is believed.
    public func migrateSharedFile(_ writer: any DatabaseWriter, attempts: Int = 3) throws {
        for attempt in 1... {
            do {
                try migrate(writer)
                return
            } catch let error as DatabaseError where attempt < attempts && error.resultCode == .SQLITE_ERROR {
                continue
            }
        }
    }
}
