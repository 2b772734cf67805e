import Foundation

/// Who may call the endpoint. Every check that is configured must pass; an unconfigured check is skipped.
///
/// The aggregator signs nothing by default, so the options match what deployments do: a shared secret in a
/// header, an HMAC-SHA-256 of the body in a header (hex), and an allow list of the aggregator's addresses.
public struct EndpointProtection: Sendable, Hashable {
    /// Header carrying the shared secret, e.g. `X-USSD-Secret`.
    public var sharedSecretHeader: String = "X-USSD-Secret"
    /// The shared secret; nil turns the check off.
    public var sharedSecret: String?
    /// Header carrying the lowercase hex HMAC-SHA-256 of the raw request body.
    public var signatureHeader: String = "X-USSD-Signature"
    /// The HMAC key; nil turns the signature check off.
    public var signatureKey: String?
    /// Client IP addresses allowed (exact text, e.g. `10.0.0.5` or `::1`); empty turns the check off. A call
    /// whose address is unknown is refused while the list is set.
    public var allowedAddresses: Set<String> = []

    public init(
        sharedSecret: String? = nil, signatureKey: String? = nil, allowedAddresses: Set<String> = []
    ) {
        self.sharedSecret = sharedSecret
        self.signatureKey = signatureKey
        self.allowedAddresses = allowedAddresses
    }
}
