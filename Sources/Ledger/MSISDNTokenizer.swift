import Crypto
import Foundation
import Payments

/// Turns an MSISDN into the token `audit-trail` carries instead of the number (ARCHITECTURE.md: PII
/// tokenization), `tok:<keyId>:<hex HMAC-SHA-256(key, msisdn)>`.
///
/// A keyed HMAC, not a plain hash: Kenyan MSISDNs are a space of about 10⁹ numbers, so an unkeyed hash
/// is reversed by enumeration in minutes. With the key kept outside the archive, only its holder can map
/// a number to its token (to find a subscriber's events) and nobody can go the other way. The key id in
/// the token says which key made it, so keys can rotate without mixing tokens.
public struct MSISDNTokenizer: Sendable {
    /// Names the key, e.g. `v1`; part of every token.
    public let keyId: String
    /// Kept as bytes: swift-crypto's `SymmetricKey` is not `Sendable` on Linux; a key is rebuilt per use.
    private let key: Data
    /// The sealing key, derived once from `key` (HKDF-SHA-256) so that the HMAC key is never used for
    /// two purposes.
    private let sealingKeyBytes: Data

    /// - Parameters:
    ///   - keyId: letters and digits naming the key (it is written into tokens).
    ///   - key: the secret, at least 16 bytes (32 recommended).
    public init(keyId: String, key: Data) throws {
        guard !keyId.isEmpty, keyId.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw LedgerError.invalidField("token key id must be letters and digits")
        }
        guard key.count >= 16 else { throw LedgerError.invalidField("token key must be at least 16 bytes") }
        self.keyId = keyId
        self.key = key
        let derived = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: key), info: Data("pesagate msisdn seal".utf8), outputByteCount: 32)
        self.sealingKeyBytes = derived.withUnsafeBytes { Data($0) }
    }

    /// The token of `msisdn`.
    public func token(_ msisdn: MSISDN) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(msisdn.value.utf8), using: SymmetricKey(data: key))
        return "tok:\(keyId):" + Hex.encode(mac)
    }

    /// `msisdn` encrypted for the archive, `sealed:<keyId>:<base64 nonce+ciphertext+tag>`.
    ///
    /// The token finds a subscriber's events but cannot be reversed; a regulator reconstructing a
    /// transaction years later needs the number itself. So audit events also carry the number sealed
    /// (ChaCha20-Poly1305 under a key derived from the tokenization key): only the key's holder
    /// reads it, and the same key rotation by key id applies.
    public func seal(_ msisdn: MSISDN) -> String {
        guard let box = try? ChaChaPoly.seal(Data(msisdn.value.utf8), using: sealingKey) else {
            return "sealed:\(keyId):"  // only a failing random-nonce source gets here; the token still names the party
        }
        return "sealed:\(keyId):" + box.combined.base64EncodedString()
    }

    /// The number inside a ``seal(_:)`` output made with this key, or nil (another key, or tampered).
    public func open(_ sealed: String) -> MSISDN? {
        let prefix = "sealed:\(keyId):"
        guard sealed.hasPrefix(prefix), let combined = Data(base64Encoded: String(sealed.dropFirst(prefix.count))),
              let box = try? ChaChaPoly.SealedBox(combined: combined),
              let plain = try? ChaChaPoly.open(box, using: sealingKey)
        else { return nil }
        return try? MSISDN(parsing: String(decoding: plain, as: UTF8.self))
    }

    private var sealingKey: SymmetricKey { SymmetricKey(data: sealingKeyBytes) }
}

/// Lower-case hex, for tokens.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
