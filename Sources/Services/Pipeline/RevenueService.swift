import Foundation
import Kafka
import Messaging
import Payments
import ServiceLifecycle

/// The seed's step 3b: `revenue-management-cg` reads `payment-requests` and answers on
/// `revenue-validation` (keyed by `transactionId`): balance, daily limit and usage, fee and remaining
/// balance, from the ledger's posted state, so the answer is the same whether or not core reserved
/// first. Answers are stored and republished on redelivery (see ``RevenueProcessor``).
public final class RevenueService: Service, Sendable {
    public static let consumerGroup = ConsumerGroupSpec.revenueManagement

    let consumer: KafkaConsumer
    public let processor: RevenueProcessor
    let recordGuard: RecordGuard

    init(consumer: KafkaConsumer, processor: RevenueProcessor, recordGuard: RecordGuard) {
        self.consumer = consumer
        self.processor = processor
        self.recordGuard = recordGuard
    }

    public func run() async throws {
        await ConsumerLoop.run(consumer) { [self] record in
            try await recordGuard.handle(record) { record in
                try await self.processor.process(record.decodeEvent(PaymentRequest.self), trace: record.trace.child())
            }
        }
    }
}
