import CRdKafka
import Foundation
import Logging
import Synchronization

/// The consumer's shared state and the work of its poll thread: handing out records, committing the
/// finished prefix, answering rebalances and seeking back to failed records.
///
/// librdkafka calls the rebalance callback on the polling thread, so everything that touches the
/// assignment happens there; handlers on Swift tasks only leave acknowledgements, which the tracker
/// takes in before anything reads it.
final class ConsumerCore: Sendable {
    private struct State: Sendable {
        var tracker: OffsetTracker
        var seeks: [TopicPartition: (offset: Int64, due: ContinuousClock.Instant)] = [:]
        var nextCommit: ContinuousClock.Instant
    }

    let configuration: ConsumerConfiguration
    let logger: Logger
    let statistics = ConsumerStatistics()
    private let state: Mutex<State>
    /// Records travel in bursts: one stream element per poll round, which costs one task resumption
    /// for up to `burst` records instead of one each.
    let continuation: AsyncStream<Burst>.Continuation
    let stream: AsyncStream<Burst>

    /// Records handed from the poll thread to the consuming task in one go.
    struct Burst: Sendable {
        var records: [ConsumerRecord]
        var generation: UInt64
    }
    static let burst = 1024
    /// Bumped whenever an assignment or a seek makes records already handed out stale; a burst made in
    /// the current generation needs no per-record check.
    private let generation = Atomic<UInt64>(0)
    /// Acknowledgements on their way to the tracker. A handler's acknowledge only appends here, under a
    /// lock held for the append; the poll thread applies them all at once before it reads the tracker.
    /// Taking the tracker's lock once per record made handlers and the poll thread contend for it, and
    /// Linux's `Mutex` parks a contended thread in the kernel (measured: the largest single cost of the
    /// consume path).
    private let acks = Mutex<[Ack]>([])
    /// A spare buffer for `acks`, swapped in so neither side reallocates every round. Touched only under
    /// `state`'s lock, by whichever thread applies the acknowledgements.
    nonisolated(unsafe) private var spareAcks: [Ack] = []

    /// A record's stamp, enough to finish it in the tracker without hashing its topic.
    private struct Ack {
        var slot: OffsetTracker.Slot
        var offset: Int64
        var epoch: UInt64
    }

    /// Where the poll thread receives each burst from librdkafka.
    private let inbox = MessageInbox(capacity: burst)

    init(configuration: ConsumerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        state = Mutex(State(tracker: OffsetTracker(compactedTopics: configuration.compactedTopics),
                            nextCommit: .now + configuration.commitInterval))
        (stream, continuation) = AsyncStream.makeStream(of: Burst.self)
    }

    /// The core registered as owner of a client handle, as C callbacks find it.
    static func registered(_ rk: OpaquePointer) -> ConsumerCore? {
        RDKafkaCallbacks.from(rk)?.owner as? ConsumerCore
    }

    // MARK: Poll thread

    func pollOnce(_ rk: OpaquePointer, _ queue: OpaquePointer) {
        runDueSeeks(rk)
        commitIfDue(rk)
        if withAcksApplied({ $0.tracker.totalInFlight }) >= configuration.maxInFlightRecords {
            Thread.sleep(forTimeInterval: 0.002)  // backpressure: handlers are behind
            return
        }
        guard inbox.receive(rk, queue, timeoutMilliseconds: 100) else { return }
        defer { inbox.release() }
        var runs = inbox.runs()
        var gaps: [OffsetTracker.Gap] = []
        // Only the bookkeeping under the lock, one tracker lookup per run of a partition; the payload
        // copies happen after, so the tracker is not held while they run.
        let burstGeneration: UInt64 = state.withLock { state in
            for index in runs.indices {
                runs[index].stamp = state.tracker.deliver(
                    runs[index].partition, offsets: runs[index].range.lazy.map(inbox.offset(at:)), gaps: &gaps)
            }
            return generation.load(ordering: .acquiring)
        }
        let records = inbox.records(of: runs, generation: burstGeneration)
        inbox.errors.forEach(report)
        gaps.forEach(alarm)
        guard !records.isEmpty else { return }
        statistics.delivered.add(records.count, ordering: .relaxed)
        statistics.bursts.add(1, ordering: .relaxed)
        continuation.yield(Burst(records: records, generation: burstGeneration))
    }

    private func report(consumerError message: UnsafeMutablePointer<rd_kafka_message_t>) {
        statistics.errors.add(1, ordering: .relaxed)
        let error = KafkaError(message.pointee.err, "consumer error")
        let detail = rd_kafka_message_errstr(message).map { String(cString: $0) } ?? error.reason
        logger.warning("kafka consumer error: \(detail)", metadata: ["rdkafka.error": "\(error.name)"])
    }

    /// The log was truncated under this consumer: records were lost to it. Never silent.
    private func alarm(_ gap: OffsetTracker.Gap) {
        statistics.truncations.add(1, ordering: .relaxed)
        statistics.skippedByTruncation.add(Int(gap.skipped), ordering: .relaxed)
        logger.critical(
            "ALARM: offset out of range on \(gap.partition): expected \(gap.expected), log resumes at \(gap.received); \(gap.skipped) records were never handled by group \(configuration.groupID)",
            metadata: ["alarm": "kafka-offset-truncation", "group": "\(configuration.groupID)"])
    }

    private func commitIfDue(_ rk: OpaquePointer) {
        let commits: [TopicPartition: Int64]? = withAcksApplied { state in
            guard ContinuousClock.now >= state.nextCommit else { return nil }
            state.nextCommit = .now + configuration.commitInterval
            return state.tracker.pendingCommits()
        }
        if let commits, !commits.isEmpty { commit(rk, commits, async: true) }
    }

    func commit(_ rk: OpaquePointer, _ offsets: [TopicPartition: Int64], async: Bool) {
        let list = RDPartitionList.make(offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_commit(rk, list, async ? 1 : 0)
        if err == RD_KAFKA_RESP_ERR_NO_ERROR || err == RD_KAFKA_RESP_ERR__NO_OFFSET {
            statistics.commits.add(1, ordering: .relaxed)
            state.withLock { $0.tracker.markCommitted(offsets) }
        } else {
            logger.warning("offset commit failed: \(KafkaError(err, "commit"))")
        }
    }

    private func runDueSeeks(_ rk: OpaquePointer) {
        let due: [TopicPartition: Int64] = state.withLock { state in
            let now = ContinuousClock.now
            let ready = state.seeks.filter { $0.value.due <= now }
            for partition in ready.keys { state.seeks[partition] = nil }
            return ready.mapValues(\.offset)
        }
        guard !due.isEmpty else { return }
        let list = RDPartitionList.make(due)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        if let error = rd_kafka_seek_partitions(rk, list, 5000) {
            logger.error("seek back failed: \(String(cString: rd_kafka_error_string(error)))")
            rd_kafka_error_destroy(error)
        }
        state.withLock { state in
            for (partition, offset) in due { state.tracker.seeked(partition, to: offset) }
            generation.add(1, ordering: .releasing)
        }
    }

    /// The group's answer to an asynchronous commit (served by the poll): a refused commit is retried.
    func commitResult(_ err: rd_kafka_resp_err_t, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?) {
        guard err != RD_KAFKA_RESP_ERR_NO_ERROR, err != RD_KAFKA_RESP_ERR__NO_OFFSET, let list else { return }
        let offsets = Dictionary(RDPartitionList.read(list), uniquingKeysWith: { first, _ in first })
        state.withLock { $0.tracker.commitFailed(offsets) }
        logger.warning("offset commit refused, will retry: \(KafkaError(err, "commit"))")
    }

    // MARK: Handlers' side

    /// The records of a burst that still belong to the current assignment, under one lock (skipped
    /// when no assignment or seek happened since the burst was made).
    func current(_ records: [ConsumerRecord], madeIn burstGeneration: UInt64) -> [ConsumerRecord] {
        if generation.load(ordering: .acquiring) == burstGeneration { return records }
        return state.withLock { state in
            records.filter { state.tracker.isCurrent(slot: $0.trackerSlot, epoch: $0.assignmentEpoch) }
        }
    }

    /// Whether a record may still be handled. Asked once per record by `consume(_:)`'s lanes: without
    /// lock while nothing changed since the record's burst, so lanes do not contend with the poll thread.
    func isCurrent(_ record: ConsumerRecord) -> Bool {
        if record.trackerSlot >= 0, generation.load(ordering: .acquiring) == record.deliveryGeneration { return true }
        return state.withLock { state in
            if record.trackerSlot >= 0 { return state.tracker.isCurrent(slot: record.trackerSlot, epoch: record.assignmentEpoch) }
            return state.tracker.isCurrent(TopicPartition(topic: record.topic, partition: record.partition),
                                           epoch: record.assignmentEpoch)
        }
    }

    func acknowledge(_ record: ConsumerRecord) {
        statistics.acknowledged.add(1, ordering: .relaxed)
        guard record.trackerSlot >= 0 else {
            // A record not stamped by this consumer's poll thread: look its partition up.
            return state.withLock { state in
                state.tracker.finish(TopicPartition(topic: record.topic, partition: record.partition),
                                     offset: record.offset, epoch: record.assignmentEpoch)
            }
        }
        acks.withLock { $0.append(Ack(slot: record.trackerSlot, offset: record.offset, epoch: record.assignmentEpoch)) }
    }

    /// Runs `body` on the tracker after applying every acknowledgement made so far, so it sees them all
    /// (in-flight counts, commit points). Any thread; the poll thread calls it every round.
    private func withAcksApplied<Result>(_ body: (inout State) -> Result) -> Result {
        state.withLock { state in
            var batch: [Ack] = []
            swap(&batch, &spareAcks)
            acks.withLock { swap(&$0, &batch) }
            for ack in batch {
                state.tracker.finish(slot: ack.slot, offset: ack.offset, epoch: ack.epoch)
            }
            batch.removeAll(keepingCapacity: true)
            spareAcks = batch
            return body(&state)
        }
    }

    func reject(_ record: ConsumerRecord) {
        statistics.rejected.add(1, ordering: .relaxed)
        let partition = TopicPartition(topic: record.topic, partition: record.partition)
        // Earlier acknowledgements first: the seek back goes to the first record not done.
        withAcksApplied { state in
            guard let offset = state.tracker.fail(partition, offset: record.offset, epoch: record.assignmentEpoch)
            else { return }
            generation.add(1, ordering: .releasing)
            state.seeks[partition] = (offset, .now + configuration.redeliveryBackoff)
        }
    }

    // MARK: Rebalance (on the poll thread, or the closing thread)

    func rebalance(_ rk: OpaquePointer, _ err: rd_kafka_resp_err_t,
                   _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        statistics.rebalances.add(1, ordering: .relaxed)
        let cooperative = String(cString: rd_kafka_rebalance_protocol(rk)) == "COOPERATIVE"
        let partitions = RDPartitionList.read(list).map(\.0)
        switch err {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            assign(rk, list, partitions, cooperative: cooperative)
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            revoke(rk, list, partitions, cooperative: cooperative)
        default:
            logger.error("rebalance failed: \(KafkaError(err, "rebalance"))")
            _ = rd_kafka_assign(rk, nil)
        }
    }

    private func assign(_ rk: OpaquePointer, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>,
                        _ partitions: [TopicPartition], cooperative: Bool) {
        if cooperative {
            if let error = rd_kafka_incremental_assign(rk, list) {
                logger.error("incremental assign failed: \(String(cString: rd_kafka_error_string(error)))")
                rd_kafka_error_destroy(error)
            }
        } else {
            _ = rd_kafka_assign(rk, list)
        }
        // The committed offsets tell where each partition resumes; a first record beyond that
        // position means the log was truncated while nobody read it.
        let committed = RDPartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(committed) }
        let known = rd_kafka_committed(rk, committed, 5000) == RD_KAFKA_RESP_ERR_NO_ERROR
        let offsets = Dictionary(RDPartitionList.read(committed), uniquingKeysWith: { first, _ in first })
        state.withLock { state in
            for partition in partitions {
                let offset = known ? offsets[partition].flatMap { $0 >= 0 ? $0 : nil } : nil
                state.tracker.assign(partition, committed: offset)
                generation.add(1, ordering: .releasing)
            }
        }
        logger.info("assigned \(partitions.count) partitions", metadata: ["group": "\(configuration.groupID)"])
    }

    private func revoke(_ rk: OpaquePointer, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>,
                        _ partitions: [TopicPartition], cooperative: Bool) {
        let lost = rd_kafka_assignment_lost(rk) != 0
        let revoked = Set(partitions)
        if !lost { waitForHandlers(on: revoked) }
        let commits: [TopicPartition: Int64] = withAcksApplied { state in
            state.seeks = state.seeks.filter { !revoked.contains($0.key) }
            var commits: [TopicPartition: Int64] = [:]
            for partition in partitions {
                if let offset = state.tracker.revoke(partition) { commits[partition] = offset }
                generation.add(1, ordering: .releasing)
            }
            return commits
        }
        if !lost, !commits.isEmpty { commit(rk, commits, async: false) }
        if cooperative {
            if let error = rd_kafka_incremental_unassign(rk, list) { rd_kafka_error_destroy(error) }
        } else {
            _ = rd_kafka_assign(rk, nil)
        }
        logger.info("revoked \(partitions.count) partitions\(lost ? " (lost)" : "")",
                    metadata: ["group": "\(configuration.groupID)"])
    }

    /// A revoke waits for the handlers in flight on the revoked partitions, so their offsets are
    /// committed before another member starts on them; bounded so a stuck handler cannot stall the group.
    private func waitForHandlers(on partitions: Set<TopicPartition>) {
        let deadline = ContinuousClock.now + configuration.revokeTimeout
        while withAcksApplied({ $0.tracker.inFlight(in: partitions) }) > 0 {
            if ContinuousClock.now >= deadline {
                logger.warning("revoke timed out waiting for handlers; their records will be redelivered")
                return
            }
            Thread.sleep(forTimeInterval: 0.002)
        }
    }
}
