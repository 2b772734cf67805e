import Crypto
import Foundation
import Ledger
import Payments

/// The bearer tokens that open a subscriber's app-notification stream: HMAC-SHA-256 of the MSISDN
/// under a key derived from the gateway's secret.
///
/// A stream shows who paid whom and how much, so it must not open for anyone who merely knows a
/// phone number. Deriving the token, instead of storing one per subscriber, needs no table and no
/// migration: the operator's app backend asks `pesagate accounts app-token MSISDN` (or computes the
/// same HMAC) once it has authenticated the subscriber, and rotating the secret revokes every token.
public struct AppNotificationTokens: Sendable {
    /// The derived key's bytes (`SymmetricKey` is not `Sendable`).
    private let keyBytes: Data
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// `secret` is the gateway's tokenization key; a separate key is derived from it (HKDF, with its
    /// own label), so a leaked app token says nothing about the audit trail's MSISDN tokens.
    public init(secret: Data) {
        keyBytes = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: secret), info: Data("pesagate app-notification token v1".utf8),
            outputByteCount: 32
        ).withUnsafeBytes { Data($0) }
    }

    /// The token for `msisdn`, as 64 lowercase hex digits.
    public func token(for msisdn: MSISDN) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(msisdn.value.utf8), using: key)
            .map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `presented` is the token of `msisdn`, compared in constant time.
    public func isValid(_ presented: String, for msisdn: MSISDN) -> Bool {
        guard let bytes = Data(hex: presented), bytes.count == SHA256.byteCount else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Data(msisdn.value.utf8), using: key)
    }
}
