import Foundation
import Logging
import Messaging

/// Publishes the orchestrator's stored effects (commands, confirmations, dead letters), oldest first,
/// and marks them once Kafka acknowledged them. One drain at a time per instance (``SingleFlight``).
/// A crash in between republishes effects with the
/// same `eventId`; two instances draining at once may also publish one twice, which consumers drop by id.
actor EffectRelay {
    private let store: JoinStore
    private let publisher: any EventPublishing
    private let clock: any PipelineClock
    private let gate = SingleFlight()

    init(store: JoinStore, publisher: any EventPublishing, clock: any PipelineClock) {
        self.store = store
        self.publisher = publisher
        self.clock = clock
    }

    /// Publishes until nothing is pending, or asks the running drain for another round.
    func flush() async throws {
        try await gate.run { try await self.drain() }
    }

    /// Runs the further rounds callers ask for while a drain runs, until cancelled (see ``SingleFlight``).
    func work(failed: @escaping @Sendable (any Error) -> Void) async {
        await gate.work({ try await self.drain() }, failed: failed)
    }

    private func drain() async throws {
        while true {
            let pending = try await store.pendingEffects(limit: 500)
            guard !pending.isEmpty else { return }
            let (published, firstError) = await publisher.relay(pending.map { effect in
                (effect.seq, OutgoingEvent(
                    topic: effect.topic, key: effect.key, value: Array(effect.value),
                    trace: TraceContext.payment(effect.transactionId)))
            })
            try await store.markPublished(published, at: clock.now())
            if let firstError { throw firstError }
            if pending.count < 500 { return }
        }
    }
}
