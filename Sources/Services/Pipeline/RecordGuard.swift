import Foundation
import Kafka
import Logging
import Messaging
import Payments

/// Runs a service's handler on one record so that a bad record never blocks its partition: a POISON
/// record is wrapped in a ``DeadLetterEnvelope`` and parked on `payment-dlq`; a transient failure is
/// retried with ``RetryPolicy`` (exponential backoff, full jitter) and parked as TRANSIENT once the
/// attempts are spent. Returning normally lets the consumer commit the offset; only a failure to park
/// (the DLQ itself unreachable) throws, so the consumer redelivers the record later.
public struct RecordGuard: Sendable {
    let service: String
    let policy: RetryPolicy
    let publisher: any EventPublishing
    let alarm: FailureAlarm
    let metrics: PipelineMetrics
    let clock: any PipelineClock
    let logger: Logger

    public init(
        service: String, policy: RetryPolicy, publisher: any EventPublishing, alarm: FailureAlarm,
        metrics: PipelineMetrics, clock: any PipelineClock, logger: Logger
    ) {
        self.service = service
        self.policy = policy
        self.publisher = publisher
        self.alarm = alarm
        self.metrics = metrics
        self.clock = clock
        self.logger = logger
    }

    /// Handles `record` with `body`, retrying and parking as described above.
    public func handle(_ record: ConsumerRecord, _ body: @Sendable (ConsumerRecord) async throws -> Void) async throws {
        let start = ContinuousClock.now
        defer { PaymentKPIs.recordStage(service, since: start) }
        var generator = SystemRandomNumberGenerator()
        var attempt = 1
        while true {
            do {
                try await body(record)
                logger.debug("\(service) handled \(record.coordinates)", metadata: ["traceId": "\(record.trace.traceID)"])
                return
            } catch let error as PipelineError {
                if case let .poison(reason) = error {
                    try await park(record, kind: .poison, error: reason, attempts: attempt)
                    metrics.add(.poisonRecords)
                    return
                }
                if try await retryOrPark(record, error: error, attempt: attempt, &generator) { return }
            } catch is RecordDecodingError {
                try await park(record, kind: .poison, error: "\(record.coordinates) does not decode", attempts: attempt)
                metrics.add(.poisonRecords)
                return
            } catch let error as EventDecodingError {
                try await park(record, kind: .poison, error: error.description, attempts: attempt)
                metrics.add(.poisonRecords)
                return
            } catch {
                if Task.isCancelled { throw error }
                if try await retryOrPark(record, error: error, attempt: attempt, &generator) { return }
            }
            attempt += 1
        }
    }

    /// Returns true when the record was parked (attempts spent), false after sleeping for a retry.
    private func retryOrPark(
        _ record: ConsumerRecord, error: any Error, attempt: Int, _ generator: inout SystemRandomNumberGenerator
    ) async throws -> Bool {
        guard attempt < policy.attempts else {
            try await park(record, kind: .transient, error: "\(error)", attempts: attempt)
            metrics.add(.transientParked)
            return true
        }
        metrics.add(.retries)
        logger.warning("\(service) retrying \(record.coordinates) after attempt \(attempt): \(error)")
        try await Task.sleep(for: policy.delay(afterAttempt: attempt, using: &generator))
        return false
    }

    private func park(_ record: ConsumerRecord, kind: DeadLetterKind, error: String, attempts: Int) async throws {
        let now = clock.now()
        let envelope = DeadLetterEnvelope.wrapping(
            kind: kind, topic: record.topic, partition: record.partition, offset: record.offset, key: record.key,
            payload: record.value, error: error, attempts: attempts,
            transactionId: record.keyString.flatMap { try? TransactionID(parsing: $0) }, at: now, service: service)
        logger.error("\(service) parked \(record.coordinates) on payment-dlq as \(kind.rawValue): \(error)")
        try await publisher.emit(OutgoingEvent(envelope, topic: .paymentDLQ, key: envelope.eventId, trace: record.trace))
        alarm.record(at: now, service: service, reason: error)
    }
}
