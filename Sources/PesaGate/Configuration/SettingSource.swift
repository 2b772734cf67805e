/// Where a setting's value came from, so a bad value can be reported with its origin.
enum SettingSource: Equatable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    case file(String)
    case defaultValue

    var description: String {
        switch self {
        case .flag(let name): "flag --\(name)"
        case .environment(let name): "environment variable \(name)"
        case .file(let path): "file \(path)"
        case .defaultValue: "default"
        }
    }
}

/// A configuration value that cannot be used. One line: the key, the value, why, and where it came from.
struct SettingsError: Error, CustomStringConvertible, Equatable {
    var key: String
    var value: String
    var reason: String
    var source: SettingSource

    var description: String { "configuration error: \(key) = \"\(value)\" \(reason) (from \(source))" }
}
