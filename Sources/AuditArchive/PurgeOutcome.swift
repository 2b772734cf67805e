/// What one ``AuditArchive/purge(olderThan:)`` removed and where each affected chain now resumes.
public struct PurgeOutcome: Sendable, Hashable {
    /// The month tables dropped, oldest first.
    public let droppedMonths: [String]
    /// Archived entries removed with them.
    public let purgedEntries: Int
    /// Malformed records received before the cutoff, removed too.
    public let purgedMalformed: Int
    /// The anchors written or moved by this purge, by partition.
    public let anchors: [ChainAnchor]

    public init(droppedMonths: [String], purgedEntries: Int, purgedMalformed: Int, anchors: [ChainAnchor]) {
        self.droppedMonths = droppedMonths
        self.purgedEntries = purgedEntries
        self.purgedMalformed = purgedMalformed
        self.anchors = anchors
    }
}
