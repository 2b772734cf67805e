import ArgumentParser
import Foundation
import Logging

/// Options every command takes: where configuration and data live, and how loud to log.
struct GlobalOptions: ParsableArguments {
    @Option(help: "YAML configuration file (default: ./pesagate.yaml when it exists).")
    var config: String?

    @Option(help: "Data directory (databases, kafka.bootstrap, smsc.address). Default ./data.")
    var data: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    /// The layers behind `settings`, for commands that show where values come from.
    func layers(extra: [String: (flag: String, value: String)] = [:]) async throws -> SettingsLayers {
        var flags = extra
        if let data { flags["data"] = ("data", data) }
        if let logLevel { flags["log.level"] = ("log-level", logLevel) }
        return try await SettingsLayers(flags: flags, environment: ProcessInfo.processInfo.environment, filePath: configPath)
    }

    var configPath: String? {
        config ?? (FileManager.default.fileExists(atPath: "pesagate.yaml") ? "pesagate.yaml" : nil)
    }

    /// Resolves settings from these flags, `extra` flags of the command, the environment and the file.
    /// A bad value prints one line naming the key and its origin, and exits with status 2.
    func settings(extra: [String: (flag: String, value: String)] = [:]) async throws -> Settings {
        do {
            return try Settings.load(from: try await layers(extra: extra))
        } catch let error as SettingsError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
    }
}

/// Where to find Kafka: a real cluster, or the embedded one.
struct KafkaOptions: ParsableArguments {
    @Option(help: "Kafka bootstrap brokers host:port,... (default: the embedded cluster).")
    var brokers: String?

    @Option(name: .customLong("kafka-config"), help: "librdkafka properties file passed through (TLS, SASL/SCRAM, ...).")
    var kafkaConfig: String?

    var flags: [String: (flag: String, value: String)] {
        var flags: [String: (flag: String, value: String)] = [:]
        if let brokers { flags["kafka.brokers"] = ("brokers", brokers) }
        if let kafkaConfig { flags["kafka.configFile"] = ("kafka-config", kafkaConfig) }
        return flags
    }
}

/// One logging set-up for the process: swift-log to standard error at the configured level, as text or
/// JSON lines, with MSISDNs masked.
enum ProcessLogging {
    static func bootstrap(level: String, format: String = "text") -> Logger {
        let level = Logger.Level(rawValue: level) ?? .info
        let format = PesaGateLogHandler.Format(rawValue: format) ?? .text
        LoggingSystem.bootstrap { label in
            PesaGateLogHandler(label: label, format: format, level: level)
        }
        return Logger(label: "pesagate")
    }
}
