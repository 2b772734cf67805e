import Foundation
import Kafka
import Payments

/// One event ready to publish: the topic of the seed, its key, and its JSON.
public struct OutgoingEvent: Sendable {
    public var topic: Topic
    public var key: String
    public var value: [UInt8]
    public var trace: TraceContext?

    /// Encodes `event` with the seed's JSON conventions (camelCase, integers for money, ISO-8601 UTC).
    public init<Event: Encodable>(_ event: Event, topic: Topic, key: String, trace: TraceContext?) throws {
        self.topic = topic
        self.key = key
        self.value = Array(try EventCoding.encode(event))
        self.trace = trace
    }

    /// An event already encoded (an outbox row).
    public init(topic: Topic, key: String, value: [UInt8], trace: TraceContext?) {
        self.topic = topic
        self.key = key
        self.value = value
        self.trace = trace
    }

    var record: ProducerRecord {
        ProducerRecord(topic: topic.name, key: key, value: value,
                       headers: trace.map { [KafkaHeader(key: TraceContext.headerName, string: $0.traceparent)] } ?? [])
    }
}

/// Publishes the seed's events on the idempotent producer and waits for the broker's acknowledgement.
public struct EventPublisher: Sendable {
    public let producer: KafkaProducer

    public init(producer: KafkaProducer) {
        self.producer = producer
    }

    /// Publishes one event; returns only once Kafka acknowledged it.
    @discardableResult
    public func publish(_ event: OutgoingEvent) async throws(KafkaError) -> DeliveryReport {
        try await producer.send(event.record)
    }

    /// Publishes many events back to back (full batches); one result per event, in order.
    public func publish(batch events: [OutgoingEvent]) async -> [Result<DeliveryReport, KafkaError>] {
        await producer.send(batch: events.map(\.record))
    }
}

extension ConsumerRecord {
    /// The trace this record carries, or a new one when it carries none (e.g. produced by kcat).
    public var trace: TraceContext {
        headers.string(for: TraceContext.headerName).flatMap(TraceContext.init(traceparent:)) ?? .start()
    }

    /// Decodes a seed event with the shared JSON conventions, naming the record on failure.
    public func decodeEvent<Event: Decodable>(_ type: Event.Type) throws(RecordDecodingError) -> Event {
        try decode(type, using: EventCoding.makeDecoder())
    }
}
