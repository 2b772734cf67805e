/// What one ``AuditArchive/store(_:)`` call did with its records; the four counts add up to the batch size.
public struct ArchiveStoreOutcome: Sendable, Hashable {
    /// New entries appended to their partition's hash chain.
    public var stored: Int
    /// Records whose `eventId` was already archived (a re-published copy at a new offset): not stored
    /// again, but their offset moved the partition's head past them.
    public var duplicates: Int
    /// Records at or below their partition's head offset: a redelivery of something already handled.
    public var redelivered: Int
    /// Records that are not an audit event (not JSON, a missing field, a bad timestamp); kept in the
    /// `malformed` table with the reason.
    public var malformed: Int

    public init(stored: Int = 0, duplicates: Int = 0, redelivered: Int = 0, malformed: Int = 0) {
        self.stored = stored
        self.duplicates = duplicates
        self.redelivered = redelivered
        self.malformed = malformed
    }

    /// Every record counted once.
    public var total: Int { stored + duplicates + redelivered + malformed }
}
