import ArgumentParser

/// `pesagate config`: every setting with its effective value and where it came from (flag, environment,
/// file, default) — the first thing to run when a deployment behaves unexpectedly.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show every setting: effective value, origin, environment variable and meaning.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        _ = try await global.settings()  // validates; a bad value exits with its one-line error
        let layers = try await global.layers()
        let reader = SettingsReader(layers: layers)
        for definition in Settings.definitions {
            let (value, source) = reader.raw(definition.key)
            let shown = definition.secret ? (value.isEmpty ? "" : "******") : value
            print("\(definition.key) = \"\(shown)\"  [\(source)]  env \(definition.environmentName)")
            print("    \(definition.help)")
        }
    }
}
