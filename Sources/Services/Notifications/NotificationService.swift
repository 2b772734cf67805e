import Foundation
import Kafka
import Logging
import Messaging
import Payments
import SMPP
import ServiceLifecycle

/// The seed's step 7: every `payment-confirmations` event becomes confirmation SMS (through the
/// durable outbox and the ESME) and an app notification.
///
/// A record is acknowledged only after its SMS are committed to the outbox, so a crash before
/// that redelivers it, and the outbox's uniqueness turns the redelivery into nothing. Sending,
/// receipts and delivery events run from the outbox alone (``SMSDispatcher``).
public final class NotificationService: Service, Sendable {
    /// A subscriber's preferred language by MSISDN (e.g. from the ledger); nil for the default.
    public typealias LanguageLookup = @Sendable (String) async -> SMSLanguage?

    public let configuration: NotificationConfiguration
    public let outbox: SMSOutbox
    public let hub: AppNotificationHub
    public let dispatcher: SMSDispatcher
    let consumer: KafkaConsumer
    let router: SMSCRouter
    let renderer: ConfirmationTextRenderer
    let languages: LanguageLookup?
    let now: @Sendable () -> Date
    let logger: Logger

    /// Wires the parts; the service owns and closes `consumer` and `router`, not `publisher`'s producer.
    public init(
        configuration: NotificationConfiguration, consumer: KafkaConsumer, publisher: EventPublisher,
        router: SMSCRouter, outbox: SMSOutbox, renderer: ConfirmationTextRenderer, hub: AppNotificationHub,
        languages: LanguageLookup? = nil, now: @escaping @Sendable () -> Date = Date.init, logger: Logger
    ) {
        self.configuration = configuration
        self.consumer = consumer
        self.router = router
        self.outbox = outbox
        self.renderer = renderer
        self.hub = hub
        self.languages = languages
        self.now = now
        self.logger = logger
        dispatcher = SMSDispatcher(outbox: outbox, router: router, configuration: configuration, now: now, logger: logger) {
            event, traceparent in
            let trace = traceparent.flatMap(TraceContext.init(traceparent:))?.child() ?? .start()
            try await publisher.publish(OutgoingEvent(event, topic: .auditTrail, key: event.eventId, trace: trace))
        }
    }

    /// Resends what was in flight at the last stop, then consumes, sends and tracks receipts until
    /// graceful shutdown: intake stops first, then the sender, then the ESME unbinds.
    public func run() async throws {
        let resent = try await dispatcher.recoverAfterRestart()
        if resent > 0 { logger.warning("resending SMS that were in flight at the last stop", metadata: ["count": "\(resent)"]) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.router.run() }
            group.addTask { await self.consumer.consume { record in try await self.handle(record) } }
            group.addTask { await self.dispatcher.runReceipts() }
            group.addTask { await self.dispatcher.runSender() }
            group.addTask {
                try? await gracefulShutdown()
                await self.stop()
            }
            while try await group.next() != nil {}
        }
    }

    /// Turns one confirmation into outbox rows and an app notification. A record that is not a
    /// confirmation is logged and skipped: redelivering it would only block its partition.
    func handle(_ record: ConsumerRecord) async throws {
        let confirmation: PaymentConfirmation
        do {
            confirmation = try record.decodeEvent(PaymentConfirmation.self)
        } catch {
            logger.error("skipping unreadable confirmation", metadata: ["record": "\(record.coordinates)", "error": "\(error)"])
            return
        }
        let messages = renderer.messages(
            for: confirmation,
            senderLanguage: await languages?(confirmation.fromMsisdn.value),
            recipientLanguage: await languages?(confirmation.toMsisdn))
        let expiresAt = confirmation.completionTime.addingTimeInterval(configuration.maxAgeInterval)
        let inserted = try await outbox.enqueue(
            messages, transactionId: confirmation.transactionId, expiresAt: expiresAt, now: now(),
            traceparent: record.trace.traceparent)
        if inserted > 0 || messages.isEmpty { await hub.publish(confirmation) }
    }

    private func stop() async {
        consumer.close()
        dispatcher.stop()
        await router.shutdown()
    }
}
