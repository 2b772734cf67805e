import Foundation

extension AuditArchive {
    /// The seed's retention: `audit-trail` keeps seven years (220 752 000 000 ms), so the archive purges
    /// what is older than `now` minus seven calendar years (29 February goes back to 28 February).
    public static func retentionCutoff(now: Date) -> Date {
        ArchiveMonth.calendar.date(byAdding: .year, value: -7, to: now)!
    }

    /// Drops every month table whose month ended at or before `cutoff` (a month is kept while any of its
    /// events is younger than the cutoff), and malformed records received before it.
    ///
    /// Before dropping, each partition's chain is anchored at its last purged entry (see
    /// ``ArchivePurger``), so ``verify()`` still checks what remains. The `event_ids` of a dropped month
    /// go with it: the topic's own retention is the same seven years, so Kafka cannot redeliver those
    /// events. All in one transaction: a purge that throws leaves the archive as it was.
    @discardableResult
    public func purge(olderThan cutoff: Date) throws -> PurgeOutcome {
        try transaction { db in try ArchivePurger(db: db, cutoff: cutoff).purge() }
    }
}
