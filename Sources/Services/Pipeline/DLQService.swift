import Foundation
import Kafka
import Logging
import Messaging
import Payments
import ServiceLifecycle

/// The dead-letter handler: records every `payment-dlq` record in the ``DeadLetterStore`` (for list and
/// replay) and watches the rate: more than the threshold within the window raises the systematic-failure
/// alert. Nothing is re-driven automatically; an operator replays. A record on `payment-dlq` that is not
/// an envelope is itself recorded as POISON, so nothing on the topic goes unseen.
public final class DLQService: Service, Sendable {
    public static let consumerGroup = "dead-letter-handler-cg"

    let consumer: KafkaConsumer
    public let store: DeadLetterStore
    let alarm: FailureAlarm
    /// Where the DEAD_LETTERED audit facts go (nil: none, for tests of the store alone).
    let publisher: (any EventPublishing)?
    let clock: any PipelineClock
    let logger: Logger

    init(
        consumer: KafkaConsumer, store: DeadLetterStore, alarm: FailureAlarm, publisher: (any EventPublishing)? = nil,
        clock: any PipelineClock, logger: Logger
    ) {
        self.consumer = consumer
        self.store = store
        self.alarm = alarm
        self.publisher = publisher
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        await ConsumerLoop.run(consumer) { [self] record in try await process(record) }
    }

    func process(_ record: ConsumerRecord) async throws {
        let now = clock.now()
        let envelope: DeadLetterEnvelope
        do {
            envelope = try record.decodeEvent(DeadLetterEnvelope.self)
        } catch {
            envelope = .wrapping(
                kind: .poison, topic: record.topic, partition: record.partition, offset: record.offset, key: record.key,
                payload: record.value, error: "not a dead-letter envelope: \(error)", attempts: 1, at: now,
                service: "dead-letter-handler")
        }
        try await auditDeadLetter(envelope, at: now)
        guard try await store.record(envelope, at: now) else { return }
        logger.notice("dead letter \(DeadLetterStore.id(of: envelope)): \(envelope.kind.rawValue) \(envelope.error ?? "")")
        alarm.record(at: now, service: envelope.service ?? "unknown", reason: envelope.error ?? envelope.kind.rawValue)
    }

    /// The DEAD_LETTERED fact of a parked payment record. The orchestrator already records its own
    /// TIMEOUT dead letters; this covers records a service parked (poison, retries spent). Published
    /// before the store records the letter, so a crash in between publishes it again under the same
    /// key rather than never. The detail names the kind and the service only: an error text may quote
    /// the record, and audit-trail must not carry a raw MSISDN.
    private func auditDeadLetter(_ envelope: DeadLetterEnvelope, at now: Date) async throws {
        guard let publisher, let transactionId = envelope.transactionId, envelope.kind != .timeout else { return }
        let event = AuditEvent(
            transactionId: transactionId, eventType: .deadLettered, timestamp: envelope.deadLetteredAt,
            service: envelope.service ?? "dead-letter-handler",
            detail: "\(envelope.kind.rawValue) from \(envelope.topic ?? "?") after \(envelope.attempts ?? 1) attempt(s)",
            eventId: "\(transactionId.value):audit:DEAD_LETTERED:\(DeadLetterStore.id(of: envelope))")
        try await publisher.emit(try OutgoingEvent(
            event, topic: .auditTrail, key: event.eventId, trace: TraceContext.payment(transactionId.value)))
    }
}
