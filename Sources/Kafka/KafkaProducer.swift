import CRdKafka
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// An idempotent, `acks=all` producer whose `send` returns only after the broker's delivery report.
///
/// It is a `Service`: run it in a `ServiceGroup` and it flushes what is in flight on graceful shutdown.
/// It can also be used without one and closed with `close()`.
public final class KafkaProducer: Service, Sendable {
    private let handle: RDKafkaHandle
    private let poller: PollLoop
    private let logger: Logger
    private let closed = Atomic<Bool>(false)
    /// Sends between their first and last enqueue: `close()` waits for them before it frees the topic
    /// handles and the client those sends are using.
    private let enqueuing = Atomic<Int>(0)
    private let topics: TopicHandles
    private let flushTimeout: Duration

    public init(configuration: ProducerConfiguration, logger: Logger, flushTimeout: Duration = .seconds(30)) throws(KafkaError) {
        let props = try configuration.librdkafkaProperties()
        let callbacks = RDKafkaCallbacks(logger: logger, configure: { conf in
            rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
                guard let message, let slot = message.pointee._private else { return }
                BatchCollector.report(message, slot: slot)
            }
        })
        handle = try RDKafkaHandle(type: RD_KAFKA_PRODUCER, properties: props, callbacks: callbacks)
        topics = TopicHandles(rk: handle.pointer)
        self.logger = logger
        self.flushTimeout = flushTimeout
        let rk = handle
        poller = PollLoop(name: "kafka-producer-poll") {
            rd_kafka_poll(rk.pointer, 50)
        }
    }

    /// Client-level errors seen so far (transport failures, all brokers down).
    public var clientErrorCount: Int { handle.callbacks.clientErrors.load(ordering: .relaxed) }

    /// Sends one record and waits for its delivery report.
    /// - Throws: `KafkaError` with the delivery error and whether the record may have been persisted.
    @discardableResult
    public func send(_ record: ProducerRecord) async throws(KafkaError) -> DeliveryReport {
        try await send(batch: [record])[0].get()
    }

    /// Sends many records and waits for all delivery reports; one result per record, in order.
    /// Enqueues them back to back, which is what gives librdkafka full batches; waits (without blocking a
    /// thread) only while librdkafka's queue is full, the bound on messages in flight.
    public func send(batch records: [ProducerRecord]) async -> [Result<DeliveryReport, KafkaError>] {
        let collector = BatchCollector(records: records)
        await enqueue(records, into: collector)
        return await collector.wait()
    }

    private func enqueue(_ records: [ProducerRecord], into collector: BatchCollector) async {
        // Sequentially consistent, with `closed` below and in `close()`: either this send sees the
        // producer closed, or `close()` sees this send and waits for it.
        enqueuing.add(1, ordering: .sequentiallyConsistent)
        defer { enqueuing.subtract(1, ordering: .sequentiallyConsistent) }
        // Records of a batch usually share their topic: look its handle up once per run of equal names.
        var topic: (name: String, handle: OpaquePointer?)?
        for index in records.indices {
            let record = records[index]
            if closed.load(ordering: .sequentiallyConsistent) {
                collector.refuse(index: index, RD_KAFKA_RESP_ERR__DESTROY, origin: .producerClosed)
                continue
            }
            if topic?.name != record.topic { topic = (record.topic, topics.handle(for: record.topic)) }
            guard let rkt = topic?.handle else {
                collector.refuse(index: index, RD_KAFKA_RESP_ERR__INVALID_ARG, origin: .notEnqueued)
                continue
            }
            while true {
                let err = produceOnce(record, to: rkt, opaque: collector.slot(index))
                if err == RD_KAFKA_RESP_ERR_NO_ERROR { break }
                guard err == RD_KAFKA_RESP_ERR__QUEUE_FULL, !closed.load(ordering: .acquiring) else {
                    collector.refuse(index: index, err, origin: .notEnqueued)
                    break
                }
                // Backpressure: the poll thread drains delivery reports; try again shortly.
                try? await Task.sleep(for: .milliseconds(1))
            }
        }
    }

    private func produceOnce(_ record: ProducerRecord, to rkt: OpaquePointer,
                             opaque: UnsafeMutableRawPointer) -> rd_kafka_resp_err_t {
        var headers: OpaquePointer?
        if !record.headers.isEmpty {
            headers = rd_kafka_headers_new(record.headers.count)
            for header in record.headers {
                header.value.withUnsafeBytes { bytes in
                    _ = rd_kafka_header_add(headers, header.key, -1, bytes.baseAddress, bytes.count)
                }
            }
        }
        let partition = record.partition ?? RD_KAFKA_PARTITION_UA
        let err = record.value.withUnsafeBytes { value in
            if let key = record.key {
                return key.withUnsafeBytes { key in
                    pesagate_produce(handle.pointer, rkt, partition, key.baseAddress, key.count,
                                     value.baseAddress, value.count, headers, opaque)
                }
            }
            return pesagate_produce(handle.pointer, rkt, partition, nil, 0,
                                    value.baseAddress, value.count, headers, opaque)
        }
        if err != RD_KAFKA_RESP_ERR_NO_ERROR, let headers { rd_kafka_headers_destroy(headers) }
        return err
    }

    /// Waits for everything in flight, up to `timeout`; returns false if something was still pending.
    @discardableResult
    public func flush(timeout: Duration) -> Bool {
        rd_kafka_flush(handle.pointer, Int32(clamping: timeout.milliseconds)) == RD_KAFKA_RESP_ERR_NO_ERROR
    }

    /// Flushes, then stops polling and destroys the client. Messages still unsent after the flush
    /// timeout fail with a delivery error (librdkafka purges them), so no caller waits forever.
    public func close() {
        guard !closed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        // Sends still enqueuing see `closed` at their next record and stop; wait for them (each waits at
        // most one backpressure pause) so no produce call uses a handle freed below. Bounded: should a
        // send never get a thread back to notice, the client is left allocated rather than freed under it.
        let deadline = ContinuousClock.now + flushTimeout
        while enqueuing.load(ordering: .sequentiallyConsistent) > 0 {
            guard ContinuousClock.now < deadline else {
                logger.error("producer close: a send is still enqueuing; the client is not freed")
                return
            }
            Thread.sleep(forTimeInterval: 0.001)
        }
        if !flush(timeout: flushTimeout) {
            logger.warning("producer closed with messages still in flight; they are failed, not lost silently")
            rd_kafka_purge(handle.pointer, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT))
            rd_kafka_poll(handle.pointer, 0)
        }
        poller.stop()
        topics.destroyAll()
        handle.destroy()
    }

    /// Runs until graceful shutdown, then flushes and closes.
    public func run() async throws {
        try? await gracefulShutdown()
        close()
    }

    deinit {
        close()
    }
}
