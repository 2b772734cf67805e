import CRdKafka
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
    private let flushTimeout: Duration

    public init(configuration: ProducerConfiguration, logger: Logger, flushTimeout: Duration = .seconds(30)) throws(KafkaError) {
        let props = try configuration.librdkafkaProperties()
        let callbacks = RDKafkaCallbacks(logger: logger, configure: { conf in
            rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
                guard let message, let opaque = message.pointee._private else { return }
                let slot = opaque.assumingMemoryBound(to: DeliverySlot.self).pointee
                let collector = slot.collector.takeUnretainedValue()
                collector.complete(index: slot.index,
                                   KafkaProducer.result(of: message, topic: collector.records[slot.index].topic))
            }
        })
        handle = try RDKafkaHandle(type: RD_KAFKA_PRODUCER, properties: props, callbacks: callbacks)
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
        for index in records.indices {
            if closed.load(ordering: .relaxed) {
                collector.complete(index: index, .failure(KafkaError(RD_KAFKA_RESP_ERR__DESTROY, "producer is closed")))
                continue
            }
            while true {
                let err = produceOnce(records[index], opaque: collector.slot(index))
                if err == RD_KAFKA_RESP_ERR_NO_ERROR { break }
                guard err == RD_KAFKA_RESP_ERR__QUEUE_FULL else {
                    collector.complete(index: index, .failure(KafkaError(
                        err, "could not enqueue a record for \(records[index].topic)", persistence: .notPersisted)))
                    break
                }
                // Backpressure: the poll thread drains delivery reports; try again shortly.
                try? await Task.sleep(for: .milliseconds(1))
            }
        }
        return await collector.wait()
    }

    private func produceOnce(_ record: ProducerRecord, opaque: UnsafeMutableRawPointer) -> rd_kafka_resp_err_t {
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
                    pesagate_produce(handle.pointer, record.topic, partition, key.baseAddress, key.count,
                                     value.baseAddress, value.count, headers, opaque)
                }
            }
            return pesagate_produce(handle.pointer, record.topic, partition, nil, 0,
                                    value.baseAddress, value.count, headers, opaque)
        }
        if err != RD_KAFKA_RESP_ERR_NO_ERROR, let headers { rd_kafka_headers_destroy(headers) }
        return err
    }

    /// Turns librdkafka's delivery report into a Swift result.
    static func result(of message: UnsafePointer<rd_kafka_message_t>, topic: String) -> Result<DeliveryReport, KafkaError> {
        if message.pointee.err != RD_KAFKA_RESP_ERR_NO_ERROR {
            let persistence: KafkaError.Persistence
            switch rd_kafka_message_status(message) {
            case RD_KAFKA_MSG_STATUS_NOT_PERSISTED: persistence = .notPersisted
            case RD_KAFKA_MSG_STATUS_PERSISTED: persistence = .persisted
            default: persistence = .possiblyPersisted
            }
            return .failure(KafkaError(message.pointee.err, "delivery to \(topic) failed", persistence: persistence))
        }
        return .success(DeliveryReport(topic: topic, partition: message.pointee.partition, offset: message.pointee.offset))
    }

    /// Waits for everything in flight, up to `timeout`; returns false if something was still pending.
    @discardableResult
    public func flush(timeout: Duration) -> Bool {
        rd_kafka_flush(handle.pointer, Int32(clamping: timeout.milliseconds)) == RD_KAFKA_RESP_ERR_NO_ERROR
    }

    /// Flushes, then stops polling and destroys the client. Messages still unsent after the flush
    /// timeout fail with a delivery error (librdkafka purges them), so no caller waits forever.
    public func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        if !flush(timeout: flushTimeout) {
            logger.warning("producer closed with messages still in flight; they are failed, not lost silently")
            rd_kafka_purge(handle.pointer, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT))
            rd_kafka_poll(handle.pointer, 0)
        }
        poller.stop()
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
