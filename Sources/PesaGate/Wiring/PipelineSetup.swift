import Foundation
import Kafka
import Ledger
import Logging
import Services
import Payments
import SMPP

/// Builds the pipeline's and the SMS side's services from the settings, for `run` and `service`.
enum PipelineSetup {
    static func factory(_ settings: Settings, kafka: KafkaConfiguration, ledger: LedgerDatabase,
                        data: DataDirectory, logger: Logger) throws -> PipelineServiceFactory {
        var configuration = PipelineConfiguration()
        configuration.decisionTimeout = .milliseconds(settings.validationTimeoutMs)
        configuration.fraudRulesPath = settings.configDirectory + "/fraud-rules.yaml"
        configuration.tariffsPath = settings.configDirectory + "/tariffs.yaml"
        return try PipelineServiceFactory(configuration: configuration, kafka: kafka, ledger: ledger, logger: logger,
                                          dataDirectory: data.path, clock: StartedClock(start: settings.clockStart))
    }

    static func notifications(_ settings: Settings, smsc: String, kafka: KafkaConfiguration, producer: KafkaProducer,
                              ledger: LedgerDatabase, data: DataDirectory, hub: AppNotificationHub,
                              logger: Logger) throws -> NotificationService {
        var configuration = NotificationConfiguration()
        configuration.timeZone = TimeZone(identifier: settings.smsTimeZone) ?? .nairobi
        configuration.textsPath = settings.configDirectory + "/sms-texts.yaml"
        configuration.outboxPath = data.file("sms-outbox.sqlite")
        let (host, port) = try hostPort(smsc)
        var esme = ESMEConfiguration(host: host, port: port, systemID: settings.smppSystemID, password: settings.smppPassword)
        esme.windowSize = settings.smppWindow
        configuration.esme = esme
        let languages: NotificationService.LanguageLookup = { number in
            guard let msisdn = try? Payments.MSISDN(parsing: number), let subscriber = try? ledger.subscriber(msisdn) else { return nil }
            return subscriber.language == .swahili ? .kiswahili : .english
        }
        let clock = StartedClock(start: settings.clockStart)
        return try NotificationService.make(configuration: configuration, kafka: kafka, producer: producer, hub: hub,
                                            languages: languages, now: { clock.now() }, logger: logger)
    }

    static func hostPort(_ address: String) throws -> (String, Int) {
        let parts = address.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { throw SecretKeys.KeyError(description: "bad SMSC address \(address)") }
        return (String(parts[0]), port)
    }
}
