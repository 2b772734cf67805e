import CRdKafka
import Synchronization

/// One message's place in its batch and, once reported, its outcome, as plain values.
///
/// librdkafka carries a pointer to the slot as the message's opaque; the delivery callback writes the
/// outcome into it and counts the batch down. No Swift object is made, retained or locked per message
/// on the poll thread: the results are built once, by the task that awaits the batch.
struct DeliverySlot {
    /// Why a slot holds its outcome: a broker's delivery report, or a refusal before librdkafka had it.
    enum Origin: UInt8 {
        case delivery
        case notEnqueued
        case producerClosed
    }

    let collector: Unmanaged<BatchCollector>
    var origin = Origin.delivery
    var error: Int32 = 0
    var status = RD_KAFKA_MSG_STATUS_NOT_PERSISTED
    var partition: Int32 = -1
    var offset: Int64 = -1
}

/// Gathers the delivery reports of one batch and resumes its caller once, after the last one.
///
/// The caller of `send(batch:)` keeps the collector alive until `wait()` returns, and librdkafka
/// reports every enqueued message exactly once (also those purged at shutdown), so every slot is
/// written exactly once before the count reaches zero.
final class BatchCollector: Sendable {
    typealias Results = [Result<DeliveryReport, KafkaError>]

    /// The records, for the topic of each report and of each error message.
    let records: [ProducerRecord]
    /// Written by the enqueuing task (before librdkafka sees the pointer) and by the delivery callback
    /// (one slot each, exactly once); read by the waiting task after the count reached zero.
    nonisolated(unsafe) let slots: UnsafeMutablePointer<DeliverySlot>
    private let remaining: Atomic<Int>
    /// The one hand-over between the last report and the waiting task: whichever comes second resumes.
    private let handOver = Mutex<(finished: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

    init(records: [ProducerRecord]) {
        self.records = records
        remaining = Atomic(records.count)
        slots = .allocate(capacity: max(1, records.count))
        let this = Unmanaged.passUnretained(self)
        slots.initialize(repeating: DeliverySlot(collector: this), count: records.count)
    }

    deinit {
        slots.deinitialize(count: records.count)
        slots.deallocate()
    }

    /// The opaque pointer for message `index`.
    func slot(_ index: Int) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(slots + index)
    }

    /// The delivery callback: records the broker's answer for the message whose opaque is `slot`.
    static func report(_ message: UnsafePointer<rd_kafka_message_t>, slot raw: UnsafeMutableRawPointer) {
        let slot = raw.assumingMemoryBound(to: DeliverySlot.self)
        let err = message.pointee.err
        if err == RD_KAFKA_RESP_ERR_NO_ERROR {
            slot.pointee.partition = message.pointee.partition
            slot.pointee.offset = message.pointee.offset
        } else {
            slot.pointee.error = err.rawValue
            slot.pointee.status = rd_kafka_message_status(message)
        }
        slot.pointee.collector.takeUnretainedValue().countDown()
    }

    /// A message librdkafka never took (queue error, or the producer was closing).
    func refuse(index: Int, _ err: rd_kafka_resp_err_t, origin: DeliverySlot.Origin) {
        slots[index].origin = origin
        slots[index].error = err.rawValue
        countDown()
    }

    private func countDown() {
        guard remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 else { return }
        let waiter: CheckedContinuation<Void, Never>? = handOver.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Waits for every report, then turns the slots into results, in record order.
    func wait() async -> Results {
        if !records.isEmpty {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let done = handOver.withLock { state in
                    if !state.finished { state.waiter = continuation }
                    return state.finished
                }
                if done { continuation.resume() }
            }
        }
        return (0..<records.count).map { result(slots[$0], topic: records[$0].topic) }
    }

    private func result(_ slot: DeliverySlot, topic: String) -> Result<DeliveryReport, KafkaError> {
        guard slot.error != RD_KAFKA_RESP_ERR_NO_ERROR.rawValue else {
            return .success(DeliveryReport(topic: topic, partition: slot.partition, offset: slot.offset))
        }
        let err = rd_kafka_resp_err_t(rawValue: slot.error)
        switch slot.origin {
        case .producerClosed:
            return .failure(KafkaError(err, "producer is closed", persistence: .notPersisted))
        case .notEnqueued:
            return .failure(KafkaError(err, "could not enqueue a record for \(topic)", persistence: .notPersisted))
        case .delivery:
            let persistence: KafkaError.Persistence
            switch slot.status {
            case RD_KAFKA_MSG_STATUS_NOT_PERSISTED: persistence = .notPersisted
            case RD_KAFKA_MSG_STATUS_PERSISTED: persistence = .persisted
            default: persistence = .possiblyPersisted
            }
            return .failure(KafkaError(err, "delivery to \(topic) failed", persistence: persistence))
        }
    }
}
