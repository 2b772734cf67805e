/// One documented setting: its key in `pesagate.yaml`, its default, and what it is for. The table in
/// `Settings.definitions` is the single source of the configuration reference (`pesagate config`).
struct SettingDefinition: Sendable {
    var key: String
    var defaultValue: String
    var help: String
    var secret = false

    var environmentName: String { SettingsLayers.environmentName(for: key) }
}
