import Foundation
import Kafka
import Messaging
import Payments
import ServiceLifecycle

/// The seed's steps 3c and 5: `mpesa-core-cg` reads `payment-requests` (reserve amount + fee) and the
/// orchestrator's EXECUTE/RELEASE commands on `core-processing` (skipping the results there, which are
/// the orchestrator's), drives the ledger and relays its outbox: RESERVED/FAILED/RELEASED and COMPLETED
/// to `core-processing` keyed by `transactionId`, BALANCE_DEBITED/CREDITED to `audit-trail` keyed by
/// `eventId` (see ``CoreProcessor``). A relay round every second publishes what a crash left behind.
public final class CoreService: Service, Sendable {
    public static let consumerGroup = ConsumerGroupSpec.mpesaCore

    let consumer: KafkaConsumer
    public let processor: CoreProcessor
    let recordGuard: RecordGuard

    init(consumer: KafkaConsumer, processor: CoreProcessor, recordGuard: RecordGuard) {
        self.consumer = consumer
        self.processor = processor
        self.recordGuard = recordGuard
    }

    public func run() async throws {
        let processor = self.processor
        await ConsumerLoop.run(consumer, background: [{ await processor.flushPeriodically(every: .seconds(1)) }]) {
            [self] record in
            try await recordGuard.handle(record) { record in
                switch record.topic {
                case Topic.paymentRequests.name:
                    try await processor.handle(request: record.decodeEvent(PaymentRequest.self))
                case Topic.coreProcessing.name:
                    try await processor.handle(coreProcessing: Data(record.value))
                default:
                    return
                }
            }
        }
    }
}
