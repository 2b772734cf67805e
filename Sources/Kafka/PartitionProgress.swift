import DequeModule

/// One assigned partition's records in delivery order, and where its commit point stands.
///
/// The commit point is the first record that is not done: committing past it would skip a record still
/// in flight or failed. Pure value type; `OffsetTracker` keeps one per assigned partition.
struct PartitionProgress: Sendable {
    /// A failed record is no longer in flight (its handler returned) but blocks the commit point until
    /// it has been redelivered and succeeded.
    enum Status: Sendable { case inFlight, done, failed }

    struct Entry: Sendable {
        var offset: Int64
        var status: Status
    }

    let partition: TopicPartition
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
    var awaitingSeek = false

    init(partition: TopicPartition, epoch: UInt64, committed: Int64?) {
        self.partition = partition
        self.epoch = epoch
        finishedUpTo = committed
        self.committed = committed
        expectedNext = committed
    }

    var inFlight: Int { entries.count { $0.status == .inFlight } }

    /// The offset to commit if the point moved since the last commit.
    var pendingCommit: Int64? {
        guard let point = finishedUpTo else { return nil }
        if let committed, committed >= point { return nil }
        return point
    }

    /// Registers a record handed out; returns a gap if offsets jumped (not on compacted topics).
    mutating func deliver(offset: Int64, compacted: Bool) -> OffsetTracker.Gap? {
        var gap: OffsetTracker.Gap?
        if let expected = expectedNext, offset > expected, !compacted {
            gap = OffsetTracker.Gap(partition: partition, expected: expected, received: offset)
        }
        expectedNext = offset + 1
        if entries.isEmpty, finishedUpTo == nil || gap != nil {
            finishedUpTo = offset
        }
        entries.append(Entry(offset: offset, status: .inFlight))
        return gap
    }

    /// Marks a record done and moves the commit point over the done prefix. False if it was not in flight.
    mutating func finish(offset: Int64) -> Bool {
        // Handlers mostly finish in delivery order: the record is usually the first entry.
        guard let index = entries.firstIndex(where: { $0.offset == offset }),
              entries[index].status == .inFlight else { return false }
        entries[index].status = .done
        while let first = entries.first, first.status == .done {
            entries.removeFirst()
            finishedUpTo = first.offset + 1
        }
        return true
    }

    /// Marks a record failed and holds the partition back; returns where to seek back to (the first
    /// unfinished record, so nothing in flight is skipped) and whether the record was in flight.
    mutating func fail(offset: Int64) -> (seekTo: Int64, wasInFlight: Bool) {
        var wasInFlight = false
        if let index = entries.firstIndex(where: { $0.offset == offset }), entries[index].status == .inFlight {
            entries[index].status = .failed
            wasInFlight = true
        }
        awaitingSeek = true
        return (entries.first?.offset ?? offset, wasInFlight)
    }

    /// The seek back happened: a new epoch starts at `offset`. Returns the records dropped in flight.
    mutating func seeked(to offset: Int64, epoch newEpoch: UInt64) -> Int {
        let dropped = inFlight
        epoch = newEpoch
        entries.removeAll()
        awaitingSeek = false
        expectedNext = offset
        finishedUpTo = offset
        return dropped
    }
}
