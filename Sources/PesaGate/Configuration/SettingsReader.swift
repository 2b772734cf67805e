import Foundation

/// Reads typed values out of the layers, turning every unusable value into a `SettingsError`.
struct SettingsReader {
    let layers: SettingsLayers

    func raw(_ key: String) -> (value: String, source: SettingSource) {
        if let found = layers.lookup(key) { return found }
        let definition = Settings.definitions.first { $0.key == key }
        precondition(definition != nil, "setting \(key) is not in Settings.definitions")
        return (definition!.defaultValue, .defaultValue)
    }

    func source(of key: String) -> SettingSource { raw(key).source }

    func string(_ key: String) throws(SettingsError) -> String {
        raw(key).value.trimmingCharacters(in: .whitespaces)
    }

    func nonEmpty(_ key: String) throws(SettingsError) -> String {
        let (value, source) = raw(key)
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SettingsError(key: key, value: value, reason: "must not be empty", source: source)
        }
        return value.trimmingCharacters(in: .whitespaces)
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws(SettingsError) -> Int {
        let (value, source) = raw(key)
        guard let number = Int(value.trimmingCharacters(in: .whitespaces)) else {
            throw SettingsError(key: key, value: value, reason: "is not a whole number", source: source)
        }
        guard range.contains(number) else {
            throw SettingsError(key: key, value: value, reason: "is outside \(range.lowerBound)...\(range.upperBound)", source: source)
        }
        return number
    }

    /// A whole number, or nil when the setting is empty (meaning "let the program choose").
    func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(SettingsError) -> Int? {
        raw(key).value.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try int(key, in: range)
    }

    func oneOf(_ key: String, _ allowed: [String]) throws(SettingsError) -> String {
        let (value, source) = raw(key)
        guard allowed.contains(value) else {
            throw SettingsError(key: key, value: value, reason: "is not one of \(allowed.joined(separator: ", "))", source: source)
        }
        return value
    }

    /// `host:port[,host:port…]`, or empty (meaning: start the embedded one).
    func hostPortList(_ key: String) throws(SettingsError) -> String {
        let (value, source) = raw(key)
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "" }
        for entry in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = entry.split(separator: ":")
            guard parts.count == 2, !parts[0].isEmpty, let port = Int(parts[1]), (1...65535).contains(port) else {
                throw SettingsError(key: key, value: value, reason: "is not a list of host:port", source: source)
            }
        }
        return trimmed
    }

    func timeZone(_ key: String) throws(SettingsError) -> String {
        let (value, source) = raw(key)
        guard TimeZone(identifier: value) != nil else {
            throw SettingsError(key: key, value: value, reason: "is not a known time zone", source: source)
        }
        return value
    }

    /// An ISO-8601 instant, or nil when empty.
    func instant(_ key: String) throws(SettingsError) -> Date? {
        let (value, source) = raw(key)
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let date = ISO8601DateFormatter().date(from: trimmed) else {
            throw SettingsError(key: key, value: value, reason: "is not an ISO-8601 instant like 2024-09-02T14:30:00Z", source: source)
        }
        return date
    }
}
