import Crypto

/// The part of an archived entry its hash covers, and the hash rule itself.
///
/// `hash = SHA-256(prev_hash ‖ canonical)`, where `canonical` is a version tag followed by every field,
/// each prefixed with its byte length (8 bytes, big-endian). The prefixes make the encoding injective:
/// moving bytes from one field into its neighbour (say from `eventType` into `transactionId`) changes
/// a length, so it changes the hash. Integers are fixed-width big-endian; `service` carries a presence
/// byte so that "absent" and "empty" differ.
struct ChainEntry: Sendable, Hashable {
    let partition: Int32
    let seq: Int64
    let offset: Int64
    let eventId: String
    let transactionId: String
    let eventType: String
    /// ``ArchiveTimestamp/text``: one spelling per instant.
    let timestamp: String
    let service: String?
    let json: String

    /// The first entry's `prev_hash`: 32 zero bytes.
    static let genesis = [UInt8](repeating: 0, count: 32)

    /// Names this encoding, so that a future change of fields cannot collide with today's bytes.
    private static let version = Array("pesagate-audit-chain/1".utf8)

    var canonicalBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.utf8.count + 256)
        Self.append(Self.version, to: &bytes)
        Self.append(Self.bigEndian(partition), to: &bytes)
        Self.append(Self.bigEndian(seq), to: &bytes)
        Self.append(Self.bigEndian(offset), to: &bytes)
        Self.append(Array(eventId.utf8), to: &bytes)
        Self.append(Array(transactionId.utf8), to: &bytes)
        Self.append(Array(eventType.utf8), to: &bytes)
        Self.append(Array(timestamp.utf8), to: &bytes)
        if let service {
            bytes.append(1)
            Self.append(Array(service.utf8), to: &bytes)
        } else {
            bytes.append(0)
        }
        Self.append(Array(json.utf8), to: &bytes)
        return bytes
    }

    /// This entry's hash when `previous` is the hash of the entry before it (or the genesis/anchor).
    func hash(after previous: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: canonicalBytes)
        return Array(hasher.finalize())
    }

    private static func append(_ field: [UInt8], to bytes: inout [UInt8]) {
        bytes.append(contentsOf: bigEndian(UInt64(field.count)))
        bytes.append(contentsOf: field)
    }

    private static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
