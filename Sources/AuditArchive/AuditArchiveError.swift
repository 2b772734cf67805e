/// Failures of the archive's own making (database errors are GRDB's `DatabaseError`).
public enum AuditArchiveError: Error, Hashable, CustomStringConvertible {
    /// Retention would anchor `partition`'s chain at `seq`, but that entry is gone and was not purged:
    /// the chain is already broken there. Nothing was purged; run ``AuditArchive/verify()`` and
    /// investigate before deleting what may be evidence.
    case chainBrokenAtPurge(partition: Int32, seq: Int64)

    public var description: String {
        switch self {
        case .chainBrokenAtPurge(let partition, let seq):
            "cannot purge: partition \(partition) has no entry \(seq) to anchor its chain (run audit verify)"
        }
    }
}
