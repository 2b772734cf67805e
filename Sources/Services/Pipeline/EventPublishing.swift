import Kafka
import Messaging

/// What the services need of a publisher: one event, acknowledged by the broker before `emit` returns.
/// A protocol so pure tests can capture events without a broker; ``EventPublisher`` is the real one.
public protocol EventPublishing: Sendable {
    func emit(_ event: OutgoingEvent) async throws
}

extension EventPublisher: EventPublishing {
    public func emit(_ event: OutgoingEvent) async throws {
        try await publish(event)
    }
}
