import Foundation

extension AuditArchive {
    /// Archives a batch of `audit-trail` records in one database transaction.
    ///
    /// Per record, in order: a (partition, offset) at or below the partition's head is a redelivery
    /// and skipped; a value that is not an audit event is kept in `malformed`; an `eventId` already
    /// archived (a re-published copy at a new offset) is not stored again; anything else is appended to
    /// its partition's hash chain in the month table of its timestamp. All but redeliveries advance
    /// the head offset, so the next redelivery of that record is skipped too. Either the whole batch
    /// is archived or, when this throws, none of it: the consumer then retries the same records.
    @discardableResult
    public func store(_ records: [ArchiveInput]) throws -> ArchiveStoreOutcome {
        try transaction { db in
            var writer = try ArchiveWriter(db: db)
            return try writer.store(records)
        }
    }

    /// The async twin of ``store(_:)``, for the consumer service's tasks.
    @discardableResult
    public func store(_ records: [ArchiveInput]) async throws -> ArchiveStoreOutcome {
        try await transaction { db in
            var writer = try ArchiveWriter(db: db)
            return try writer.store(records)
        }
    }
}
