import Synchronization

/// What a delivery report resumes: one slot of a `BatchCollector` (a single send is a batch of one).
/// Passed to librdkafka as the message's opaque pointer (retained) and released by the delivery report
/// callback, which librdkafka calls exactly once per message, also for messages purged at shutdown.
final class DeliveryBox: Sendable {
    let collector: BatchCollector
    let index: Int
    /// The record's topic, so the report needs no string made from C per message.
    let topic: String

    init(_ collector: BatchCollector, index: Int, topic: String) {
        self.collector = collector
        self.index = index
        self.topic = topic
    }

    func complete(_ result: Result<DeliveryReport, KafkaError>) {
        collector.complete(index: index, result)
    }
}

/// Gathers the delivery reports of a batch and resumes its caller once, when the last one arrives.
final class BatchCollector: Sendable {
    private struct State {
        var results: [Result<DeliveryReport, KafkaError>?]
        var remaining: Int
        var continuation: CheckedContinuation<[Result<DeliveryReport, KafkaError>], Never>?
    }

    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(results: Array(repeating: nil, count: count), remaining: count, continuation: nil))
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
