import Crypto
import Foundation

/// Makes and checks PIN verifiers: HMAC-SHA-256 under a secret pepper of (salt ‖ PIN).
///
/// Why not a slow password hash: a USSD hop has a budget of milliseconds and the gateway aims at
/// 10,000 hops/s on two cores (issue 5), which a deliberately slow hash would consume. A 4-digit PIN has
/// only 10⁴ values, so no hash protects it from someone who holds everything; the protection is the
/// pepper, kept outside the database (key file or environment): a stolen database without it reveals
/// nothing, and the per-subscriber salt makes equal PINs look different. Comparison is constant-time
/// (`isValidAuthenticationCode`), so timing does not leak how much of a guess matched.
public struct PINHasher: Sendable {
    /// Bytes of random salt per subscriber.
    static let saltLength = 16
    /// Kept as bytes: swift-crypto's `SymmetricKey` is not `Sendable` on Linux; a key is rebuilt per use.
    private let pepper: Data

    /// - Parameter pepper: the secret, at least 16 bytes, never stored in the ledger database.
    public init(pepper: Data) throws {
        guard pepper.count >= 16 else { throw LedgerError.invalidField("PIN pepper must be at least 16 bytes") }
        self.pepper = pepper
    }

    /// Whether `pin` is acceptable as a PIN: exactly four ASCII digits.
    public static func isWellFormed(_ pin: String) -> Bool {
        pin.utf8.count == 4 && pin.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// A fresh random salt.
    func makeSalt() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<PINHasher.saltLength).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The verifier of `pin` under `salt`.
    func verifier(pin: String, salt: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: salt + Data(pin.utf8), using: SymmetricKey(data: pepper)))
    }

    /// Whether `pin` matches `verifier`, compared in constant time.
    func matches(pin: String, salt: Data, verifier: Data) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(verifier, authenticating: salt + Data(pin.utf8), using: SymmetricKey(data: pepper))
    }
}
