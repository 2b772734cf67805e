import CRdKafka
import Foundation
import Logging
import Synchronization

/// The consumer's shared state and the work of its poll thread: handing out records, committing the
/// finished prefix, answering rebalances and seeking back to failed records.
///
/// librdkafka calls the rebalance callback on the polling thread, so everything that touches the
/// assignment happens there; handlers on Swift tasks only flip entries in the tracker.
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
    let continuation: AsyncStream<ConsumerRecord>.Continuation
    let stream: AsyncStream<ConsumerRecord>

    init(configuration: ConsumerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        state = Mutex(State(tracker: OffsetTracker(compactedTopics: configuration.compactedTopics),
                            nextCommit: .now + configuration.commitInterval))
        (stream, continuation) = AsyncStream.makeStream(of: ConsumerRecord.self)
    }

    /// The core registered as owner of a client handle, as C callbacks find it.
    static func registered(_ rk: OpaquePointer) -> ConsumerCore? {
        RDKafkaCallbacks.from(rk)?.owner as? ConsumerCore
    }

    // MARK: Poll thread

    func pollOnce(_ rk: OpaquePointer) {
        runDueSeeks(rk)
        commitIfDue(rk)
        if state.withLock({ $0.tracker.inFlight() }) >= configuration.maxInFlightRecords {
            Thread.sleep(forTimeInterval: 0.002)  // backpressure: handlers are behind
            return
        }
        guard let message = rd_kafka_consumer_poll(rk, 100) else { return }
        defer { rd_kafka_message_destroy(message) }
        if message.pointee.err != RD_KAFKA_RESP_ERR_NO_ERROR {
            report(consumerError: message)
            return
        }
        let partition = TopicPartition(
            topic: message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? "",
            partition: message.pointee.partition)
        let (epoch, gap) = state.withLock { $0.tracker.deliver(partition, offset: message.pointee.offset) }
        if let gap { alarm(gap) }
        guard let epoch else { return }  // waiting for a seek back: it will come again
        statistics.delivered.add(1, ordering: .relaxed)
        continuation.yield(RDKafkaMessage.record(from: message, epoch: epoch))
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
        let commits: [TopicPartition: Int64]? = state.withLock { state in
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

    func isCurrent(_ record: ConsumerRecord) -> Bool {
        state.withLock { $0.tracker.isCurrent(TopicPartition(topic: record.topic, partition: record.partition),
                                               epoch: record.assignmentEpoch) }
    }

    func acknowledge(_ record: ConsumerRecord) {
        statistics.acknowledged.add(1, ordering: .relaxed)
        state.withLock {
            $0.tracker.finish(TopicPartition(topic: record.topic, partition: record.partition),
                              offset: record.offset, epoch: record.assignmentEpoch)
        }
    }

    func reject(_ record: ConsumerRecord) {
        statistics.rejected.add(1, ordering: .relaxed)
        let partition = TopicPartition(topic: record.topic, partition: record.partition)
        state.withLock { state in
            guard let offset = state.tracker.fail(partition, offset: record.offset, epoch: record.assignmentEpoch)
            else { return }
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
            }
        }
        logger.info("assigned \(partitions.count) partitions", metadata: ["group": "\(configuration.groupID)"])
    }

    private func revoke(_ rk: OpaquePointer, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>,
                        _ partitions: [TopicPartition], cooperative: Bool) {
        let lost = rd_kafka_assignment_lost(rk) != 0
        let revoked = Set(partitions)
        if !lost { waitForHandlers(on: revoked) }
        let commits: [TopicPartition: Int64] = state.withLock { state in
            state.seeks = state.seeks.filter { !revoked.contains($0.key) }
            var commits: [TopicPartition: Int64] = [:]
            for partition in partitions {
                if let offset = state.tracker.revoke(partition) { commits[partition] = offset }
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
        while state.withLock({ $0.tracker.inFlight(in: partitions) }) > 0 {
            if ContinuousClock.now >= deadline {
                logger.warning("revoke timed out waiting for handlers; their records will be redelivered")
                return
            }
            Thread.sleep(forTimeInterval: 0.002)
        }
    }
}
