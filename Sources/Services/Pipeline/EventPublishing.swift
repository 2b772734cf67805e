import Kafka
import Messaging

/// What the services need of a publisher: one event, acknowledged by the broker before `emit` returns,
/// or many at once (a relay draining its outbox). A protocol so pure tests can capture events without a
/// broker; ``EventPublisher`` is the real one.
public protocol EventPublishing: Sendable {
    func emit(_ event: OutgoingEvent) async throws

    /// Publishes `events` and reports each one's fate, in order. A relay sends its whole pending batch
    /// this way: awaiting each acknowledgement before sending the next would cap a relay at one broker
    /// round trip per event, which is what the orchestrator's and core's outboxes cannot afford.
    func emit(batch events: [OutgoingEvent]) async -> [Result<Void, any Error>]
}

extension EventPublishing {
    /// One after the other; publishers that can do better (``EventPublisher``) do.
    public func emit(batch events: [OutgoingEvent]) async -> [Result<Void, any Error>] {
        var results: [Result<Void, any Error>] = []
        for event in events {
            do {
                try await emit(event)
                results.append(.success(()))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }
}

extension EventPublisher: EventPublishing {
    public func emit(_ event: OutgoingEvent) async throws {
        try await publish(event)
    }

    public func emit(batch events: [OutgoingEvent]) async -> [Result<Void, any Error>] {
        await publish(batch: events).map { result in result.map { _ in () }.mapError { $0 as any Error } }
    }
}
