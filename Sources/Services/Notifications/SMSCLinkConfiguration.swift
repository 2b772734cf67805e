import SMPP

/// One SMPP link of the notification service and the destinations it serves.
///
/// Operators often hold links to several SMSCs (per network, or a second site): each link has a
/// name (in logs, metrics and the outbox, so a receipt is matched on the link that sent the
/// message), its ESME settings, and the MSISDN prefixes it serves.
public struct SMSCLinkConfiguration: Sendable {
    public var name: String
    public var esme: ESMEConfiguration
    /// Destination prefixes this link serves, e.g. `25470`, `25471`; empty serves every number.
    /// The longest matching prefix wins; links with equal claims are tried in configured order.
    public var prefixes: [String]

    public init(name: String, esme: ESMEConfiguration, prefixes: [String] = []) {
        self.name = name
        self.esme = esme
        self.prefixes = prefixes
    }

    /// `HOST:PORT` split, or nil when it is not one (an empty host, a port outside 1...65535).
    public static func address(_ text: String) -> (host: String, port: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let port = Int(parts[1]), (1...65535).contains(port) else { return nil }
        return (String(parts[0]), port)
    }
}
