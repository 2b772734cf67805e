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
        configuration.lateAnswerGrace = .milliseconds(settings.lateAnswerGraceMs)
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
        let defaults = SMSCLinksFile.Defaults(systemID: settings.smppSystemID, password: settings.smppPassword, window: settings.smppWindow)
        if settings.smscLinksFile.isEmpty {
            configuration.links = try smsc.split(separator: ",").enumerated().map { index, address in
                guard let (host, port) = SMSCLinkConfiguration.address(String(address)) else {
                    throw SecretKeys.KeyError(description: "bad SMSC address \(address)")
                }
                var esme = ESMEConfiguration(host: host, port: port, systemID: defaults.systemID, password: defaults.password)
                esme.windowSize = defaults.window
                return SMSCLinkConfiguration(name: index == 0 ? "smsc" : "smsc\(index + 1)", esme: esme)
            }
        } else {
            let file = try SMSCLinksFile.load(path: settings.smscLinksFile, defaults: defaults,
                                              environment: ProcessInfo.processInfo.environment)
            configuration.links = file.links
            configuration.failoverAfter = file.failoverAfter
        }
        let languages: NotificationService.LanguageLookup = { number in
            guard let msisdn = try? Payments.MSISDN(parsing: number), let subscriber = try? ledger.subscriber(msisdn) else { return nil }
            return subscriber.language == .swahili ? .kiswahili : .english
        }
        let clock = StartedClock(start: settings.clockStart)
        return try NotificationService.make(configuration: configuration, kafka: kafka, producer: producer, hub: hub,
                                            languages: languages, now: { clock.now() }, logger: logger)
    }
}
