import CRdKafka
import Logging
import ServiceLifecycle
import Synchronization

/// A consumer group member with at-least-once delivery.
///
/// Records arrive through `records` (an `AsyncSequence`); the caller hands each one back with
/// `acknowledge` when its work is done or `reject` when it failed. Only the contiguous prefix of
/// acknowledged offsets is committed, so a crash or a rebalance redelivers everything unfinished, and
/// a rejected record is redelivered after `redeliveryBackoff`. `consume(_:)` does that bookkeeping for
/// a handler, keeping records of one partition in order.
public final class KafkaConsumer: Service, Sendable {
    private let core: ConsumerCore
    private let handle: RDKafkaHandle
    /// The consumer queue, read in bursts by the poll thread.
    private let queue: RDKafkaQueue
    private let poller: PollLoop
    private let closed = Atomic<Bool>(false)

    public init(configuration: ConsumerConfiguration, logger: Logger) throws(KafkaError) {
        guard !configuration.topics.isEmpty else { throw .configuration("a consumer needs at least one topic") }
        let props = try configuration.librdkafkaProperties()
        let core = ConsumerCore(configuration: configuration, logger: logger)
        let callbacks = RDKafkaCallbacks(logger: logger, configure: { conf in
            rd_kafka_conf_set_rebalance_cb(conf) { rk, err, list, _ in
                guard let rk, let list, let core = ConsumerCore.registered(rk) else { return }
                core.rebalance(rk, err, list)
            }
            rd_kafka_conf_set_offset_commit_cb(conf) { rk, err, list, _ in
                guard let rk, let core = ConsumerCore.registered(rk) else { return }
                core.commitResult(err, list)
            }
        }, owner: core)
        let handle = try RDKafkaHandle(type: RD_KAFKA_CONSUMER, properties: props, callbacks: callbacks)
        rd_kafka_poll_set_consumer(handle.pointer)
        let topics = RDPartitionList.make(configuration.topics.map { TopicPartition(topic: $0, partition: -1) })
        defer { rd_kafka_topic_partition_list_destroy(topics) }
        let err = rd_kafka_subscribe(handle.pointer, topics)
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            handle.destroy()
            throw KafkaError(err, "subscribe to \(configuration.topics.joined(separator: ","))")
        }
        self.core = core
        self.handle = handle
        let queue = RDKafkaQueue(rd_kafka_queue_get_consumer(handle.pointer))
        self.queue = queue
        poller = PollLoop(name: "kafka-consumer-poll") {
            core.pollOnce(handle.pointer, queue.pointer)
        }
    }

    public var statistics: ConsumerStatistics { core.statistics }
    public var groupID: String { core.configuration.groupID }

    /// The records, in order per partition. Single consumer: iterate it from one task.
    public var records: ConsumerRecords { ConsumerRecords(core: core) }

    /// The handler finished this record: its offset may be committed once all before it are done.
    public func acknowledge(_ record: ConsumerRecord) { core.acknowledge(record) }

    /// The handler failed: the record (and those after it on its partition) will come again.
    public func reject(_ record: ConsumerRecord) { core.reject(record) }

    /// Runs `handler` for every record until the consumer is closed: one record at a time per partition
    /// (per-key order is kept), partitions in parallel. A thrown error rejects the record, so it comes back.
    public func consume(_ handler: @escaping @Sendable (ConsumerRecord) async throws -> Void) async {
        await withDiscardingTaskGroup { group in
            var lanes: [TopicPartition: AsyncStream<ConsumerRecord>.Continuation] = [:]
            for await record in records {
                let partition = TopicPartition(topic: record.topic, partition: record.partition)
                let lane: AsyncStream<ConsumerRecord>.Continuation
                if let existing = lanes[partition] {
                    lane = existing
                } else {
                    let (stream, continuation) = AsyncStream.makeStream(of: ConsumerRecord.self)
                    lanes[partition] = continuation
                    lane = continuation
                    group.addTask { [self] in
                        for await queued in stream {
                            guard core.isCurrent(queued) else { continue }
                            await process(queued, handler)
                        }
                    }
                }
                lane.yield(record)
            }
            for lane in lanes.values { lane.finish() }
        }
    }

    private func process(_ record: ConsumerRecord, _ handler: @Sendable (ConsumerRecord) async throws -> Void) async {
        do {
            try await handler(record)
            acknowledge(record)
        } catch {
            core.logger.warning("handler failed on \(record.coordinates); it will be redelivered: \(error)")
            reject(record)
        }
    }

    /// Leaves the group cleanly: waits (bounded) for handlers in flight, commits their offsets, and
    /// ends `records`. Blocks the calling thread for at most the revoke timeout.
    public func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        poller.stop()
        // Runs the revoke callback on this thread: in-flight handlers finish, offsets are committed.
        _ = rd_kafka_consumer_close(handle.pointer)
        core.continuation.finish()
        queue.destroy()
        handle.destroy()
    }

    /// Runs until graceful shutdown, then closes.
    public func run() async throws {
        try? await gracefulShutdown()
        close()
    }

    deinit {
        close()
    }
}

/// The records of a consumer. Records from an assignment that has since been revoked, or that precede
/// a pending seek back, are skipped here: they will be (or were) delivered again.
public struct ConsumerRecords: AsyncSequence, Sendable {
    public typealias Element = ConsumerRecord
    let core: ConsumerCore

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<ConsumerCore.Burst>.AsyncIterator
        let core: ConsumerCore
        var pending: [ConsumerRecord] = []
        var position = 0

        public mutating func next() async -> ConsumerRecord? {
            await next(isolation: nil)
        }

        /// Runs on the caller's executor (`for await` calls this one): called once per record, it must
        /// not hop to the global executor and back when the record is already at hand.
        public mutating func next(isolation actor: isolated (any Actor)?) async -> ConsumerRecord? {
            while position == pending.count {
                guard let burst = await base.next(isolation: actor) else { return nil }
                pending = core.current(burst.records, madeIn: burst.generation)
                position = 0
            }
            // Moves the record out of the burst (leaving an empty one) instead of copying it: a copy
            // would retain and later release its key and value, for every record.
            var record = ConsumerRecord(topic: "", partition: 0, offset: 0, key: nil, value: [], headers: [],
                                        timestampMilliseconds: nil, assignmentEpoch: 0)
            swap(&record, &pending[position])
            position += 1
            return record
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: core.stream.makeAsyncIterator(), core: core)
    }
}
