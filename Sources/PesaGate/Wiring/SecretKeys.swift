import Foundation
import Ledger

/// The two secrets kept outside the ledger database: the PIN pepper (HMAC key of PIN verifiers) and
/// the MSISDN tokenization key of the audit trail. Taken from the environment when set (hex), else from
/// key files in `<data>/keys/`, created with random bytes and mode 0600 on first start. A database copied
/// without its keys reveals neither PINs nor MSISDNs.
struct SecretKeys: Sendable {
    let pinPepper: Data
    let tokenKey: Data
    /// Identifies the tokenization key in every token, so keys can be rotated.
    let tokenKeyID: String

    static func load(data: DataDirectory, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SecretKeys {
        let directory = data.file("keys")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let pepper = try key(named: "pin-pepper", environment: "PESAGATE_PIN_PEPPER", in: directory, env: environment)
        let token = try key(named: "msisdn-token-key", environment: "PESAGATE_TOKEN_KEY", in: directory, env: environment)
        return SecretKeys(pinPepper: pepper, tokenKey: token, tokenKeyID: environment["PESAGATE_TOKEN_KEY_ID"] ?? "v1")
    }

    private static func key(named name: String, environment variable: String, in directory: String,
                            env: [String: String]) throws -> Data {
        if let hex = env[variable] {
            guard let bytes = Data(hex: hex), bytes.count >= 16 else {
                throw KeyError(description: "\(variable) must be at least 32 hex digits")
            }
            return bytes
        }
        let path = (directory as NSString).appendingPathComponent(name)
        if let stored = FileManager.default.contents(atPath: path) {
            guard stored.count >= 16 else { throw KeyError(description: "\(path) holds fewer than 16 bytes") }
            return stored
        }
        var generator = SystemRandomNumberGenerator()
        let fresh = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        guard FileManager.default.createFile(atPath: path, contents: fresh, attributes: [.posixPermissions: 0o600]) else {
            throw KeyError(description: "cannot write \(path)")
        }
        return fresh
    }

    /// The tokenizer of the existing key, for reading the archive: never creates a key (a fresh one
    /// would open nothing).
    static func existingTokenizer(
        data: DataDirectory, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> MSISDNTokenizer {
        let keyID = environment["PESAGATE_TOKEN_KEY_ID"] ?? "v1"
        if let hex = environment["PESAGATE_TOKEN_KEY"] {
            guard let bytes = Data(hex: hex) else { throw KeyError(description: "PESAGATE_TOKEN_KEY must be hex digits") }
            return try MSISDNTokenizer(keyId: keyID, key: bytes)
        }
        let path = data.file("keys/msisdn-token-key")
        guard let stored = FileManager.default.contents(atPath: path) else {
            throw KeyError(description: "no tokenization key: set PESAGATE_TOKEN_KEY or provide \(path)")
        }
        return try MSISDNTokenizer(keyId: keyID, key: stored)
    }

    struct KeyError: Error, CustomStringConvertible {
        var description: String
    }
}
