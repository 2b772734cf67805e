/// The first place a partition's hash chain stops proving itself, and what is wrong there.
public struct ChainBreak: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The entry's fields or JSON no longer hash to its stored hash: it was edited (or two rows'
        /// contents were swapped, since the seq is hashed too).
        case hashMismatch
        /// Entries `expected` up to this one's seq − 1 are missing: deleted (or a month table dropped
        /// without ``AuditArchive/purge(olderThan:)``).
        case seqGap(expected: Int64)
        /// The entry hashes correctly but does not link to the previous entry's hash: entries were
        /// reordered or inserted, or the previous entry was rewritten with a recomputed hash.
        case prevHashMismatch
        /// A seq at or below one already seen (`expected` was next): a duplicated or inserted entry.
        case seqOutOfOrder(expected: Int64)
        /// The partition's head does not name the last entry: the tail was deleted (the head still
        /// counts it), or entries were appended without moving the head.
        case headMismatch(headSeq: Int64, lastSeq: Int64)
        /// Entries exist for a partition that has no head row: the head was deleted.
        case missingHead
    }

    /// The Kafka partition whose chain broke.
    public let partition: Int32
    /// The seq where the break shows (for ``Kind/headMismatch(headSeq:lastSeq:)``, the head's seq).
    public let seq: Int64
    /// The entry at the break, when there is one.
    public let eventId: String?
    /// The month table of that entry.
    public let month: String?
    public let kind: Kind

    public init(partition: Int32, seq: Int64, eventId: String?, month: String?, kind: Kind) {
        self.partition = partition
        self.seq = seq
        self.eventId = eventId
        self.month = month
        self.kind = kind
    }

    public var description: String {
        let place = "partition \(partition) seq \(seq)"
            + (eventId.map { " event \($0)" } ?? "") + (month.map { " in \($0)" } ?? "")
        switch kind {
        case .hashMismatch: return "\(place): hash mismatch (entry edited)"
        case .seqGap(let expected): return "\(place): seq gap, expected \(expected) (entries deleted)"
        case .prevHashMismatch: return "\(place): prev_hash mismatch (entries reordered or inserted)"
        case .seqOutOfOrder(let expected): return "\(place): seq out of order, expected \(expected) (entry inserted)"
        case .headMismatch(let headSeq, let lastSeq):
            return "\(place): chain head names seq \(headSeq) but the last entry is \(lastSeq) (tail deleted)"
        case .missingHead: return "\(place): entries without a chain head (head deleted)"
        }
    }
}
