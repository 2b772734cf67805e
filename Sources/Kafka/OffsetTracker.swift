import DequeModule

/// Decides which offsets may be committed: only the contiguous prefix of finished records per partition.
///
/// Committing offset N+1 after a later record finished would skip a record still in flight or failed,
/// so each partition keeps its records in delivery order and the commit point is the first one that is
/// not done. Pure value type, no librdkafka: the consumer drives it and tests read it as a specification.
struct OffsetTracker: Sendable {
    /// A failed record is no longer in flight (its handler returned) but blocks the commit point until
    /// it has been redelivered and succeeded.
    enum Status: Sendable { case inFlight, done, failed }

    struct Entry: Sendable {
        var offset: Int64
        var status: Status
    }

    struct PartitionState: Sendable {
        /// Bumped on every (re)assignment and seek: completions of an older epoch are ignored.
        var epoch: UInt64
        var entries: Deque<Entry> = []
        /// The next offset to commit once everything before it is done (librdkafka commits "next to read").
        var finishedUpTo: Int64?
        /// The last offset committed to the group, to commit only when the point moved.
        var committed: Int64?
        /// The offset the next record should carry; a larger one means records were skipped.
        var expectedNext: Int64?
        /// Set when a handler failed: records of this partition are not handed out until the seek back.
        var awaitingSeek: Bool = false
    }

    /// A jump in offsets: the log was truncated under this consumer (or it started beyond its commit).
    struct Gap: Sendable, Equatable {
        var partition: TopicPartition
        var expected: Int64
        var received: Int64
        var skipped: Int64 { received - expected }
    }

    private(set) var partitions: [TopicPartition: PartitionState] = [:]
    /// Records handed out and not finished, everywhere: kept as a count because the poll loop asks for it
    /// on every round.
    private(set) var totalInFlight = 0
    private var nextEpoch: UInt64 = 1
    let compactedTopics: Set<String>

    init(compactedTopics: Set<String> = []) {
        self.compactedTopics = compactedTopics
    }

    /// Starts tracking a newly assigned partition, optionally from its committed offset.
    mutating func assign(_ partition: TopicPartition, committed: Int64? = nil) {
        totalInFlight -= partitions[partition]?.entries.count { $0.status == .inFlight } ?? 0
        partitions[partition] = PartitionState(epoch: takeEpoch(), finishedUpTo: committed, committed: committed,
                                               expectedNext: committed)
    }

    /// Forgets a revoked partition; returns the offset to commit for it, if it moved.
    mutating func revoke(_ partition: TopicPartition) -> Int64? {
        totalInFlight -= partitions[partition]?.entries.count { $0.status == .inFlight } ?? 0
        defer { partitions[partition] = nil }
        return pendingCommit(for: partition)
    }

    func epoch(of partition: TopicPartition) -> UInt64? { partitions[partition]?.epoch }

    /// Whether a record from `epoch` still belongs to the current assignment and may be handled.
    func isCurrent(_ partition: TopicPartition, epoch: UInt64) -> Bool {
        guard let state = partitions[partition] else { return false }
        return state.epoch == epoch && !state.awaitingSeek
    }

    /// Registers a record handed out to a handler. Returns the epoch to stamp on it (nil: not assigned
    /// or waiting for a seek back, so drop it) and a gap if offsets jumped.
    mutating func deliver(_ partition: TopicPartition, offset: Int64) -> (epoch: UInt64?, gap: Gap?) {
        let compacted = compactedTopics.contains(partition.topic)
        var added = false
        let result: (UInt64?, Gap?) = update(partition) { state in
            guard !state.awaitingSeek else { return (nil, nil) }
            added = true
            return Self.deliver(&state, partition, offset: offset, compacted: compacted)
        } ?? (nil, nil)
        if added { totalInFlight += 1 }
        return result
    }

    private static func deliver(_ state: inout PartitionState, _ partition: TopicPartition, offset: Int64,
                                compacted: Bool) -> (epoch: UInt64?, gap: Gap?) {
        var gap: Gap?
        if let expected = state.expectedNext, offset > expected, !compacted {
            gap = Gap(partition: partition, expected: expected, received: offset)
        }
        state.expectedNext = offset + 1
        if state.entries.isEmpty, state.finishedUpTo == nil || gap != nil {
            state.finishedUpTo = offset
        }
        state.entries.append(Entry(offset: offset, status: .inFlight))
        return (state.epoch, gap)
    }

    /// Marks a record's handler as finished. Ignores records of an older epoch.
    mutating func finish(_ partition: TopicPartition, offset: Int64, epoch: UInt64) {
        let finished = update(partition) { state -> Bool in
            guard state.epoch == epoch,
                  let index = state.entries.firstIndex(where: { $0.offset == offset }),
                  state.entries[index].status == .inFlight else { return false }
            state.entries[index].status = .done
            while let first = state.entries.first, first.status == .done {
                state.entries.removeFirst()
                state.finishedUpTo = first.offset + 1
            }
            return true
        }
        if finished == true { totalInFlight -= 1 }
    }

    /// A handler failed: stop handing out this partition's records and return where to seek back to
    /// (the first unfinished record, so nothing in flight is skipped). Nil for a stale record.
    mutating func fail(_ partition: TopicPartition, offset: Int64, epoch: UInt64) -> Int64? {
        var wasInFlight = false
        let seekTo: Int64?? = update(partition) { state in
            guard state.epoch == epoch else { return nil }
            if let index = state.entries.firstIndex(where: { $0.offset == offset }), state.entries[index].status == .inFlight {
                state.entries[index].status = .failed
                wasInFlight = true
            }
            state.awaitingSeek = true
            return state.entries.first?.offset ?? offset
        }
        if wasInFlight { totalInFlight -= 1 }
        return seekTo ?? nil
    }

    /// The seek back happened: a new epoch starts at `offset`; older completions no longer count.
    mutating func seeked(_ partition: TopicPartition, to offset: Int64) {
        let epoch = takeEpoch()
        let dropped = update(partition) { state in
            defer {
                state.epoch = epoch
                state.entries.removeAll()
                state.awaitingSeek = false
                state.expectedNext = offset
                state.finishedUpTo = offset
            }
            return state.entries.count { $0.status == .inFlight }
        }
        totalInFlight -= dropped ?? 0
    }

    /// The offset to commit for `partition` if it moved since the last commit.
    func pendingCommit(for partition: TopicPartition) -> Int64? {
        guard let state = partitions[partition], let point = state.finishedUpTo else { return nil }
        if let committed = state.committed, committed >= point { return nil }
        return point
    }

    /// All partitions whose commit point moved.
    func pendingCommits() -> [TopicPartition: Int64] {
        var result: [TopicPartition: Int64] = [:]
        for partition in partitions.keys {
            if let offset = pendingCommit(for: partition) { result[partition] = offset }
        }
        return result
    }

    mutating func markCommitted(_ commits: [TopicPartition: Int64]) {
        for (partition, offset) in commits {
            partitions[partition]?.committed = offset
        }
    }

    /// An asynchronous commit was refused by the group: forget it, so the next round commits again.
    mutating func commitFailed(_ commits: [TopicPartition: Int64]) {
        for (partition, offset) in commits where partitions[partition]?.committed == offset {
            partitions[partition]?.committed = nil
        }
    }

    /// Records handed out and not finished, in `partitions` (or everywhere when nil).
    func inFlight(in subset: Set<TopicPartition>? = nil) -> Int {
        partitions.reduce(0) { sum, element in
            guard subset?.contains(element.key) ?? true else { return sum }
            return sum + element.value.entries.count { $0.status == .inFlight }
        }
    }

    /// Mutates a partition's state in place: copying it out of the dictionary would copy its deque on
    /// every record (copy-on-write with two owners).
    private mutating func update<Result>(_ partition: TopicPartition, _ body: (inout PartitionState) -> Result) -> Result? {
        guard partitions[partition] != nil else { return nil }
        return body(&partitions[partition]!)
    }

    private mutating func takeEpoch() -> UInt64 {
        defer { nextEpoch += 1 }
        return nextEpoch
    }
}
