/// Decides which offsets may be committed: only the contiguous prefix of finished records per partition.
///
/// Committing offset N+1 after a later record finished would skip a record still in flight or failed,
/// so each partition keeps its records in delivery order and the commit point is the first one that is
/// not done (`PartitionProgress`). Pure value type, no librdkafka: the consumer drives it and tests read
/// it as a specification.
///
/// Partitions live in numbered slots that records carry, so acknowledging a record (once per record,
/// the hot path) indexes an array instead of hashing a topic name.
struct OffsetTracker: Sendable {
    typealias Slot = Int

    /// A jump in offsets: the log was truncated under this consumer (or it started beyond its commit).
    struct Gap: Sendable, Equatable {
        var partition: TopicPartition
        var expected: Int64
        var received: Int64
        var skipped: Int64 { received - expected }
    }

    /// The partitions' progress, by slot; a revoked partition's slot holds an empty one.
    private var slots: [PartitionProgress] = []
    /// Each slot's current epoch, 0 once revoked: whether the slot is assigned, checked per record.
    private var epochs: [UInt64] = []
    /// The slot of every partition ever assigned: a partition assigned again gets its slot back, so the
    /// slots stay as many as the partitions this member ever held.
    private var slotOf: [TopicPartition: Slot] = [:]
    /// Records handed out and not finished, everywhere: kept as a count because the poll loop asks for it
    /// on every round.
    private(set) var totalInFlight = 0
    /// Epochs are unique across partitions, so a record's epoch also tells a reused slot's new partition
    /// state from the one it was delivered under.
    private var nextEpoch: UInt64 = 1
    let compactedTopics: Set<String>

    init(compactedTopics: Set<String> = []) {
        self.compactedTopics = compactedTopics
    }

    /// Starts tracking a newly assigned partition, optionally from its committed offset.
    mutating func assign(_ partition: TopicPartition, committed: Int64? = nil) {
        let slot: Slot
        if let existing = slotOf[partition] {
            slot = existing
        } else {
            slot = slots.count
            slots.append(PartitionProgress(partition: partition, epoch: 0, committed: nil))
            epochs.append(0)
            slotOf[partition] = slot
        }
        if epochs[slot] != 0 { totalInFlight -= slots[slot].inFlight }
        let epoch = takeEpoch()
        slots[slot] = PartitionProgress(partition: partition, epoch: epoch, committed: committed)
        epochs[slot] = epoch
    }

    /// Forgets a revoked partition; returns the offset to commit for it, if it moved.
    mutating func revoke(_ partition: TopicPartition) -> Int64? {
        guard let slot = slot(of: partition) else { return nil }
        let state = slots[slot]
        totalInFlight -= state.inFlight
        slots[slot] = PartitionProgress(partition: partition, epoch: 0, committed: nil)
        epochs[slot] = 0
        return state.pendingCommit
    }

    /// The slot of an assigned partition.
    func slot(of partition: TopicPartition) -> Slot? {
        slotOf[partition].flatMap { epochs[$0] == 0 ? nil : $0 }
    }

    func epoch(of partition: TopicPartition) -> UInt64? { slot(of: partition).map { epochs[$0] } }

    /// Whether a record from `epoch` still belongs to the current assignment and may be handled.
    func isCurrent(_ partition: TopicPartition, epoch: UInt64) -> Bool {
        guard let slot = slot(of: partition) else { return false }
        return isCurrent(slot: slot, epoch: epoch)
    }

    /// `isCurrent` for a record stamped with its slot: no hashing.
    func isCurrent(slot: Slot, epoch: UInt64) -> Bool {
        epochs.indices.contains(slot) && epochs[slot] == epoch && !slots[slot].awaitingSeek
    }

    /// Registers a record handed out to a handler. Returns the epoch to stamp on it (nil: not assigned
    /// or waiting for a seek back, so drop it) and a gap if offsets jumped.
    mutating func deliver(_ partition: TopicPartition, offset: Int64) -> (epoch: UInt64?, gap: Gap?) {
        var gaps: [Gap] = []
        let stamp = deliver(partition, offsets: CollectionOfOne(offset), gaps: &gaps)
        return (stamp?.epoch, gaps.first)
    }

    /// Registers a run of records of one partition handed out together, with one lookup for the run.
    /// Returns the slot and epoch to stamp on all of them (nil: drop them all: the partition is not
    /// assigned or waits for a seek back) and appends any gaps to `gaps`.
    mutating func deliver(_ partition: TopicPartition, offsets: some Sequence<Int64>,
                          gaps: inout [Gap]) -> (slot: Slot, epoch: UInt64)? {
        guard let slot = slot(of: partition), !slots[slot].awaitingSeek else { return nil }
        let compacted = compactedTopics.contains(partition.topic)
        for offset in offsets {
            if let gap = slots[slot].deliver(offset: offset, compacted: compacted) { gaps.append(gap) }
            totalInFlight += 1
        }
        return (slot, epochs[slot])
    }

    /// Marks a record's handler as finished. Ignores records of an older epoch.
    mutating func finish(_ partition: TopicPartition, offset: Int64, epoch: UInt64) {
        guard let slot = slot(of: partition) else { return }
        finish(slot: slot, offset: offset, epoch: epoch)
    }

    /// `finish` for a record stamped with its slot: no hashing.
    mutating func finish(slot: Slot, offset: Int64, epoch: UInt64) {
        guard epochs.indices.contains(slot), epochs[slot] == epoch else { return }
        if slots[slot].finish(offset: offset) { totalInFlight -= 1 }
    }

    /// A handler failed: stop handing out this partition's records and return where to seek back to
    /// (the first unfinished record, so nothing in flight is skipped). Nil for a stale record.
    mutating func fail(_ partition: TopicPartition, offset: Int64, epoch: UInt64) -> Int64? {
        guard let slot = slot(of: partition), epochs[slot] == epoch else { return nil }
        let (seekTo, wasInFlight) = slots[slot].fail(offset: offset)
        if wasInFlight { totalInFlight -= 1 }
        return seekTo
    }

    /// The seek back happened: a new epoch starts at `offset`; older completions no longer count.
    mutating func seeked(_ partition: TopicPartition, to offset: Int64) {
        guard let slot = slot(of: partition) else { return }
        let epoch = takeEpoch()
        totalInFlight -= slots[slot].seeked(to: offset, epoch: epoch)
        epochs[slot] = epoch
    }

    /// The offset to commit for `partition` if it moved since the last commit.
    func pendingCommit(for partition: TopicPartition) -> Int64? {
        slot(of: partition).flatMap { slots[$0].pendingCommit }
    }

    /// All partitions whose commit point moved.
    func pendingCommits() -> [TopicPartition: Int64] {
        var result: [TopicPartition: Int64] = [:]
        for (slot, state) in slots.enumerated() where epochs[slot] != 0 {
            if let offset = state.pendingCommit { result[state.partition] = offset }
        }
        return result
    }

    mutating func markCommitted(_ commits: [TopicPartition: Int64]) {
        for (partition, offset) in commits {
            if let slot = slot(of: partition) { slots[slot].committed = offset }
        }
    }

    /// An asynchronous commit was refused by the group: forget it, so the next round commits again.
    mutating func commitFailed(_ commits: [TopicPartition: Int64]) {
        for (partition, offset) in commits {
            if let slot = slot(of: partition), slots[slot].committed == offset { slots[slot].committed = nil }
        }
    }

    /// Records handed out and not finished, in `partitions` (or everywhere when nil).
    func inFlight(in subset: Set<TopicPartition>? = nil) -> Int {
        zip(slots, epochs).reduce(0) { sum, element in
            let (state, epoch) = element
            guard epoch != 0, subset?.contains(state.partition) ?? true else { return sum }
            return sum + state.inFlight
        }
    }

    private mutating func takeEpoch() -> UInt64 {
        defer { nextEpoch += 1 }
        return nextEpoch
    }
}
