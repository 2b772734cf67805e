import Foundation

/// Every setting of `pesagate`, resolved from flags, environment and `pesagate.yaml` (in that order of
/// precedence) and checked: a bad value stops the program with one line naming the key and its origin.
struct Settings: Sendable {
    var dataDirectory: String
    var menusDirectory: String
    /// Fraud rules, tariffs and SMS texts (`fraud-rules.yaml`, `tariffs.yaml`, `sms-texts.yaml`).
    var configDirectory: String
    var logLevel: String
    /// `text` for people, `json` (one object per line) for log pipelines.
    var logFormat: String
    var httpHost: String
    var httpPort: Int
    /// Empty: start the embedded Kafka cluster.
    var kafkaBrokers: String
    var embeddedBrokers: Int
    /// librdkafka properties passed through (TLS, SASL/SCRAM, …), from a `key=value` file.
    var kafkaProperties: [String: String]
    /// nil: each consumer's own value (10 ms where latency matters, 50 ms for background readers).
    var fetchWaitMaxMs: Int?
    /// nil: 4 s on the embedded cluster (it paces the mock's rebalances), 10 s on a real one.
    var sessionTimeoutMs: Int?
    var messageTimeoutMs: Int
    /// Empty: start the embedded SMSC simulator.
    var smsc: String
    var smppSystemID: String
    var smppPassword: String
    var smppWindow: Int
    /// A YAML file of several SMSC links (routing and failover); empty: one link per `smpp.smsc` entry.
    var smscLinksFile: String
    /// Port of the embedded SMSC simulator (0: any free port; the address goes to `<data>/smsc.address`).
    var embeddedSMSCPort: Int
    var smsTimeZone: String
    var serviceCode: String
    var validationTimeoutMs: Int
    var lateAnswerGraceMs: Int
    /// Where the services' clock starts (tests and demos of the seed's story); nil: the system clock.
    var clockStart: Date?

    static let definitions: [SettingDefinition] = [
        .init(key: "data", defaultValue: "./data", help: "Directory for databases and the address files kafka.bootstrap and smsc.address."),
        .init(key: "menus", defaultValue: "./menus", help: "Directory of the USSD menu YAML files."),
        .init(key: "rules", defaultValue: "./config", help: "Directory of fraud-rules.yaml, tariffs.yaml and sms-texts.yaml."),
        .init(key: "log.level", defaultValue: "info", help: "trace, debug, info, notice, warning, error or critical."),
        .init(key: "log.format", defaultValue: "text", help: "text, or json (one object per line, metadata such as traceId as fields)."),
        .init(key: "http.host", defaultValue: "127.0.0.1", help: "Address the HTTP server (USSD callback, metrics, dashboard) binds to."),
        .init(key: "http.port", defaultValue: "8080", help: "Port of the HTTP server."),
        .init(key: "kafka.brokers", defaultValue: "", help: "Bootstrap brokers host:port,...; empty starts the embedded cluster."),
        .init(key: "kafka.embeddedBrokers", defaultValue: "3", help: "Brokers of the embedded cluster (1-16)."),
        .init(key: "kafka.configFile", defaultValue: "", help: "librdkafka properties file (key=value lines) passed through: security.protocol, sasl.*, ssl.*."),
        .init(key: "kafka.fetchWaitMaxMs", defaultValue: "", help: "fetch.wait.max.ms of every consumer; empty: 10 ms for the pipeline's latency-bound consumers, 50 ms for background ones (the embedded cluster holds an empty fetch this long)."),
        .init(key: "kafka.sessionTimeoutMs", defaultValue: "", help: "session.timeout.ms of every consumer; empty: 4000 on the embedded cluster (its rebalances wait up to this less 1 s), 10000 on a real one (brokers refuse less than group.min.session.timeout.ms, 6000 by default)."),
        .init(key: "kafka.messageTimeoutMs", defaultValue: "4000", help: "message.timeout.ms of producers; inside the USSD hop's 5 s budget."),
        .init(key: "smpp.smsc", defaultValue: "", help: "SMSC host:port (several, comma-separated: links tried in this order, failing over when one is down); empty starts the embedded SMSC simulator."),
        .init(key: "smpp.linksFile", defaultValue: "", help: "YAML file of SMSC links with their own credentials, window, rate, dialect and number prefixes (see config/smsc-links.example.yaml); overrides smpp.smsc."),
        .init(key: "smpp.systemId", defaultValue: "pesagate", help: "system_id for bind_transceiver."),
        .init(key: "smpp.password", defaultValue: "pesagate", help: "password for bind_transceiver (never logged).", secret: true),
        .init(key: "smpp.window", defaultValue: "10", help: "Outstanding submit_sm requests per link."),
        .init(key: "smpp.embeddedPort", defaultValue: "2775", help: "Port of the embedded SMSC simulator (0: any free port)."),
        .init(key: "sms.timeZone", defaultValue: "Africa/Nairobi", help: "Time zone of dates and times in SMS texts."),
        .init(key: "ussd.serviceCode", defaultValue: "*334#", help: "The USSD code this gateway answers."),
        .init(key: "pipeline.validationTimeoutMs", defaultValue: "5000", help: "How long the orchestrator waits for the three validations."),
        .init(key: "pipeline.lateAnswerGraceMs", defaultValue: "10000", help: "How long after that the orchestrator still reads answers produced in time (by Kafka timestamp) before declining for a timeout; covers a rebalance after an instance died. 0: decide at the deadline."),
        .init(key: "clock.start", defaultValue: "", help: "ISO-8601 instant the services' clock starts at and ticks on from (e.g. 2024-09-02T14:30:00Z); empty: the system clock."),
    ]

    static func load(from layers: SettingsLayers) throws(SettingsError) -> Settings {
        let reader = SettingsReader(layers: layers)
        let propertiesFile = try reader.string("kafka.configFile")
        var kafkaProperties: [String: String] = [:]
        if !propertiesFile.isEmpty {
            do {
                kafkaProperties = try LibrdkafkaPropertiesFile.load(path: propertiesFile)
            } catch {
                throw SettingsError(key: "kafka.configFile", value: propertiesFile, reason: "\(error)",
                                    source: reader.source(of: "kafka.configFile"))
            }
        }
        return Settings(
            dataDirectory: try reader.nonEmpty("data"),
            menusDirectory: try reader.nonEmpty("menus"),
            configDirectory: try reader.nonEmpty("rules"),
            logLevel: try reader.oneOf("log.level", ["trace", "debug", "info", "notice", "warning", "error", "critical"]),
            logFormat: try reader.oneOf("log.format", ["text", "json"]),
            httpHost: try reader.nonEmpty("http.host"),
            httpPort: try reader.int("http.port", in: 0...65535),
            kafkaBrokers: try reader.hostPortList("kafka.brokers"),
            embeddedBrokers: try reader.int("kafka.embeddedBrokers", in: 1...16),
            kafkaProperties: kafkaProperties,
            fetchWaitMaxMs: try reader.optionalInt("kafka.fetchWaitMaxMs", in: 0...300_000),
            sessionTimeoutMs: try reader.optionalInt("kafka.sessionTimeoutMs", in: 3_500...3_600_000),
            messageTimeoutMs: try reader.int("kafka.messageTimeoutMs", in: 1...900_000),
            smsc: try reader.hostPortList("smpp.smsc"),
            smppSystemID: try reader.nonEmpty("smpp.systemId"),
            smppPassword: try reader.string("smpp.password"),
            smppWindow: try reader.int("smpp.window", in: 1...10_000),
            smscLinksFile: try reader.string("smpp.linksFile"),
            embeddedSMSCPort: try reader.int("smpp.embeddedPort", in: 0...65535),
            smsTimeZone: try reader.timeZone("sms.timeZone"),
            serviceCode: try reader.nonEmpty("ussd.serviceCode"),
            validationTimeoutMs: try reader.int("pipeline.validationTimeoutMs", in: 100...600_000),
            lateAnswerGraceMs: try reader.int("pipeline.lateAnswerGraceMs", in: 0...600_000),
            clockStart: try reader.instant("clock.start"))
    }
}
