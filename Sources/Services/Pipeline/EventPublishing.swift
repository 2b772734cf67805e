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

extension EventPublishing {
    /// Publishes a relay's pending batch at once (in order, so per partition in order) and sorts the
    /// outcome: the ids of the rows Kafka acknowledged, to be marked, and the first error, to be thrown
    /// once they are marked; unacknowledged rows stay pending for the next round.
    func relay<ID>(_ rows: [(id: ID, event: OutgoingEvent)]) async -> (acknowledged: [ID], firstError: (any Error)?) {
        let results = await emit(batch: rows.map(\.event))
        var acknowledged: [ID] = []
        var firstError: (any Error)?
        for (row, result) in zip(rows, results) {
            switch result {
            case .success: acknowledged.append(row.id)
            case let .failure(error): firstError = firstError ?? error
            }
        }
        return (acknowledged, firstError)
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
