import Configuration
import Foundation
import SystemPackage

/// Looks a key up in flags, then environment variables, then the YAML file: flags win over the
/// environment, which wins over the file. Each layer is a swift-configuration provider read on its own,
/// so the winning layer is known and a bad value can name where it came from.
struct SettingsLayers: Sendable {
    /// Values given on the command line, keyed by setting key (e.g. `kafka.brokers`).
    let flags: [String: (flag: String, value: String)]
    private let environment: ConfigReader
    private let file: ConfigReader?
    let filePath: String?

    /// Environment variables carry the `PESAGATE_` prefix: `kafka.fetchWaitMaxMs` is
    /// `PESAGATE_KAFKA_FETCH_WAIT_MAX_MS`.
    static let environmentPrefix = "pesagate"

    init(flags: [String: (flag: String, value: String)], environment: [String: String], filePath: String?) async throws {
        self.flags = flags
        self.environment = ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: environment))
            .scoped(to: ConfigKey(Self.environmentPrefix))
        if let filePath {
            guard FileManager.default.fileExists(atPath: filePath) else {
                throw SettingsError(key: "config", value: filePath, reason: "does not exist", source: .flag("config"))
            }
            do {
                let provider = try await FileProvider<YAMLSnapshot>(filePath: FilePath(filePath))
                file = ConfigReader(provider: provider)
            } catch {
                throw SettingsError(key: "config", value: filePath, reason: "is not valid YAML: \(error)", source: .file(filePath))
            }
        } else {
            file = nil
        }
        self.filePath = filePath
    }

    /// The raw text of `key` and where it came from, or nil when no layer sets it.
    func lookup(_ key: String) -> (value: String, source: SettingSource)? {
        if let flag = flags[key] { return (flag.value, .flag(flag.flag)) }
        let configKey = ConfigKey(key.split(separator: ".").map(String.init))
        if let value = environment.string(forKey: configKey) {
            return (value, .environment(Self.environmentName(for: key)))
        }
        if let file, let filePath, let value = file.string(forKey: configKey) {
            return (value, .file(filePath))
        }
        return nil
    }

    /// `kafka.fetchWaitMaxMs` → `PESAGATE_KAFKA_FETCH_WAIT_MAX_MS`, as swift-configuration encodes it.
    static func environmentName(for key: String) -> String {
        var name = environmentPrefix.uppercased()
        for component in key.split(separator: ".") {
            name += "_"
            var previous: Character?
            for character in component {
                if let previous, previous.isLowercase, character.isUppercase { name += "_" }
                name += character.uppercased()
                previous = character
            }
        }
        return name
    }
}
