import Kafka
import ServiceLifecycle

/// The run loop every pipeline service shares: consume (records of one partition in order, partitions in
/// parallel) until graceful shutdown, then close the consumer, which lets in-flight handlers finish and
/// commits their offsets. `background` work (timers, outbox relays) runs alongside and is cancelled at
/// shutdown, after the consumer closed.
enum ConsumerLoop {
    static func run(
        _ consumer: KafkaConsumer,
        background: [@Sendable () async -> Void] = [],
        handler: @escaping @Sendable (ConsumerRecord) async throws -> Void
    ) async {
        await withDiscardingTaskGroup { group in
            group.addTask { await consumer.consume(handler) }
            for work in background {
                group.addTask { await work() }
            }
            try? await gracefulShutdown()
            consumer.close()
            group.cancelAll()
        }
    }
}
