import Foundation
import Kafka
import Messaging
import Payments
import ServiceLifecycle

/// The seed's step 3a: `fraud-management-cg` reads `payment-requests` and answers on `fraud-analysis`
/// (keyed by `transactionId`). Every answer is stored before it is published, so a redelivered request
/// republishes the stored answer instead of being scored again against a history it already changed
/// (see ``FraudProcessor``).
public final class FraudService: Service, Sendable {
    public static let consumerGroup = ConsumerGroupSpec.fraudManagement

    let consumer: KafkaConsumer
    public let processor: FraudProcessor
    let recordGuard: RecordGuard

    init(consumer: KafkaConsumer, processor: FraudProcessor, recordGuard: RecordGuard) {
        self.consumer = consumer
        self.processor = processor
        self.recordGuard = recordGuard
    }

    /// The operator's switch for the primary scorer.
    public var failover: FraudFailover { processor.failover }

    public func run() async throws {
        await ConsumerLoop.run(consumer) { [self] record in
            try await recordGuard.handle(record) { record in
                try await self.processor.process(record.decodeEvent(PaymentRequest.self), trace: record.trace.child())
            }
        }
    }
}
