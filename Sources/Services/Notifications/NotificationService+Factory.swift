import Foundation
import Kafka
import Logging
import Messaging
import Payments
import SMPP

extension NotificationService {
    /// Builds the service for `pesagate run` / `pesagate service notifications`: loads and checks the
    /// texts, opens the outbox, joins `configuration.consumerGroup` on `payment-confirmations` and
    /// prepares the ESME. Publishes delivery events through `producer`, which the caller owns.
    public static func make(
        configuration: NotificationConfiguration, kafka: KafkaConfiguration, producer: KafkaProducer,
        hub: AppNotificationHub = AppNotificationHub(), languages: LanguageLookup? = nil,
        now: @escaping @Sendable () -> Date = Date.init, logger: Logger
    ) throws -> NotificationService {
        let texts = try ConfirmationTexts.load(path: configuration.textsPath)
        let outbox = try SMSOutbox.open(path: configuration.outboxPath)
        let consumer = try KafkaConsumer(
            configuration: ConsumerConfiguration(
                cluster: kafka, groupID: configuration.consumerGroup, topics: [Topic.paymentConfirmations.name]),
            logger: logger)
        return NotificationService(
            configuration: configuration, consumer: consumer, publisher: EventPublisher(producer: producer),
            router: try SMSCRouter(configurations: configuration.links, failoverAfter: configuration.failoverAfter, logger: logger),
            outbox: outbox,
            renderer: ConfirmationTextRenderer(texts: texts, timeZone: configuration.timeZone), hub: hub,
            languages: languages, now: now, logger: logger)
    }
}
