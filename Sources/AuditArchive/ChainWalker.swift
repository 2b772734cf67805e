/// Walks one partition's chain in seq order and remembers its first break.
///
/// Pure logic over rows (no database), so every kind of break is easy to reason about: the walk starts
/// at the partition's anchor (or seq 1 and the genesis hash), steps over links that retention left of
/// purged entries, and ends by comparing the head with the last entry it reached.
struct ChainWalker {
    /// What retention keeps of a purged entry that is not covered by the anchor.
    struct PurgedLink: Sendable, Hashable {
        let prevHash: [UInt8]
        let hash: [UInt8]
    }

    let partition: Int32
    private(set) var firstBreak: ChainBreak?
    private(set) var entriesChecked = 0
    private var expectedSeq: Int64
    private var previousHash: [UInt8]
    private var links: [Int64: PurgedLink]
    private var last: (eventId: String, month: String)?

    init(partition: Int32, anchor: (seq: Int64, hash: [UInt8])?, links: [Int64: PurgedLink]) {
        self.partition = partition
        expectedSeq = (anchor?.seq ?? 0) + 1
        previousHash = anchor?.hash ?? ChainEntry.genesis
        self.links = links
    }

    /// Checks the next row of the partition (rows arrive by ascending seq).
    mutating func visit(_ row: StoredChainRow) {
        guard firstBreak == nil else { return }
        let seq = row.entry.seq
        stepOverPurgedLinks(before: seq)
        guard firstBreak == nil else { return }
        entriesChecked += 1
        func fail(_ kind: ChainBreak.Kind) {
            firstBreak = ChainBreak(
                partition: partition, seq: seq, eventId: row.entry.eventId, month: row.month, kind: kind)
        }
        if seq > expectedSeq { return fail(.seqGap(expected: expectedSeq)) }
        if seq < expectedSeq { return fail(.seqOutOfOrder(expected: expectedSeq)) }
        if row.entry.hash(after: row.prevHash) != row.hash { return fail(.hashMismatch) }
        if row.prevHash != previousHash { return fail(.prevHashMismatch) }
        previousHash = row.hash
        expectedSeq += 1
        last = (row.entry.eventId, row.month)
    }

    /// Ends the walk: the head must name the last entry reached (by seq and hash).
    mutating func finish(head: ChainHead?) {
        stepOverPurgedLinks(before: .max)
        guard firstBreak == nil else { return }
        let lastSeq = expectedSeq - 1
        guard let head else {
            if last != nil {
                firstBreak = ChainBreak(
                    partition: partition, seq: lastSeq, eventId: last?.eventId, month: last?.month, kind: .missingHead)
            }
            return
        }
        if head.seq != lastSeq || head.hash != previousHash {
            firstBreak = ChainBreak(
                partition: partition, seq: head.seq, eventId: last?.eventId, month: last?.month,
                kind: .headMismatch(headSeq: head.seq, lastSeq: lastSeq))
        }
    }

    /// Follows the links of purged stragglers up to (not including) `seq`; each must link to the hash
    /// before it, though its content is gone and cannot be rehashed.
    private mutating func stepOverPurgedLinks(before seq: Int64) {
        while expectedSeq < seq, let link = links.removeValue(forKey: expectedSeq) {
            guard link.prevHash == previousHash else {
                firstBreak = ChainBreak(
                    partition: partition, seq: expectedSeq, eventId: nil, month: nil, kind: .prevHashMismatch)
                return
            }
            previousHash = link.hash
            expectedSeq += 1
        }
    }
}
