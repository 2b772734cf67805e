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
}
