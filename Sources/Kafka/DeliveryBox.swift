import Synchronization

/// A message's place in its batch, as librdkafka carries it: the message's opaque pointer points at
/// one of these in the batch's slot buffer. No allocation or reference count per message: the caller of
/// `send(batch:)` keeps the collector alive until the last report, and librdkafka reports every message
/// exactly once (also those purged at shutdown).
struct DeliverySlot {
    let collector: Unmanaged<BatchCollector>
    let index: Int
}

/// Gathers the delivery reports of a batch and resumes its caller once, when the last one arrives.
final class BatchCollector: Sendable {
    private struct State {
        var results: [Result<DeliveryReport, KafkaError>?]
        var remaining: Int
        var continuation: CheckedContinuation<[Result<DeliveryReport, KafkaError>], Never>?
    }

    private let state: Mutex<State>
    /// The records, for the topic of each report.
    let records: [ProducerRecord]
    /// Written by the enqueuing task before librdkafka sees the pointer, read by the delivery callback.
    nonisolated(unsafe) let slots: UnsafeMutablePointer<DeliverySlot>

    init(records: [ProducerRecord]) {
        self.records = records
        state = Mutex(State(results: Array(repeating: nil, count: records.count), remaining: records.count, continuation: nil))
        slots = .allocate(capacity: max(1, records.count))
    }

    deinit {
        slots.deallocate()
    }

    /// The opaque pointer for message `index`.
    func slot(_ index: Int) -> UnsafeMutableRawPointer {
        (slots + index).initialize(to: DeliverySlot(collector: Unmanaged.passUnretained(self), index: index))
        return UnsafeMutableRawPointer(slots + index)
    }

    func complete(index: Int, _ result: Result<DeliveryReport, KafkaError>) {
        let finished: (CheckedContinuation<[Result<DeliveryReport, KafkaError>], Never>, [Result<DeliveryReport, KafkaError>])? =
            state.withLock { state in
                state.results[index] = result
                state.remaining -= 1
                guard state.remaining == 0, let continuation = state.continuation else { return nil }
                state.continuation = nil
                return (continuation, state.results.map { $0! })
            }
        if let (continuation, results) = finished { continuation.resume(returning: results) }
    }

    /// Waits for every report. The continuation is installed before or after the last report, either way
    /// it is resumed exactly once.
    func wait() async -> [Result<DeliveryReport, KafkaError>] {
        await withCheckedContinuation { continuation in
            let ready: [Result<DeliveryReport, KafkaError>]? = state.withLock { state in
                if state.remaining == 0 { return state.results.map { $0! } }
                state.continuation = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
