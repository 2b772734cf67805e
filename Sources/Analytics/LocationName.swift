import Foundation

/// The label a request's `location` is counted under.
enum LocationName {
    /// Longer names are cut, so one hostile request cannot widen every bar of the page.
    static let maxLength = 40

    /// Trimmed and upper-cased (the seed writes `NAIROBI`), or `unknown` when absent or blank, as for
    /// every USSD request, which carries no location.
    static func normalise(_ raw: String?) -> String {
        let trimmed = raw?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty else { return LocationShare.unknown }
        return String(trimmed.uppercased().prefix(maxLength))
    }
}
