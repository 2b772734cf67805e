/// The inputs of a session so far, with secret ones reduced to a length, so a session store can tell whether
/// the next `text` extends the previous one without keeping any PIN.
///
/// `USSDText.read(previous:current:)` needs the previous raw `text`, which holds the PIN once one was typed;
/// keeping that string in a session (or a duplicate-hop cache) would be keeping the PIN. A trail keeps the
/// same information minus the digits: secret positions match any characters of the remembered length.
public struct InputTrail: Hashable, Sendable, CustomStringConvertible {
    enum Entry: Hashable, Sendable {
        case plain(String)
        /// A secret input, known only by its length in UTF-8 bytes.
        case secret(byteCount: Int)
    }

    private(set) var entries: [Entry] = []
    /// Whether the session has had its first hop (an empty first `text` leaves no entries).
    public private(set) var started = false

    public init() {}

    /// How many inputs the trail holds.
    public var count: Int { entries.count }

    /// Records the first hop's `text`: replayed inputs, with the indexes the dialogue marked secret.
    public mutating func start(replay: [String], secretIndexes: Set<Int>) {
        started = true
        for (index, input) in replay.enumerated() { append(input, secret: secretIndexes.contains(index)) }
    }

    /// Records one more input, as received by the dialogue.
    public mutating func append(_ input: String, secret: Bool) {
        started = true
        entries.append(secret ? .secret(byteCount: input.utf8.count) : .plain(input))
    }

    /// `USSDText.read(previous:current:)` against the remembered text.
    public func read(_ current: String) -> USSDText.Reading {
        guard started else { return USSDText.read(previous: nil, current: current) }
        let bytes = Array(current.utf8)
        var offset = 0
        for (index, entry) in entries.enumerated() {
            if index > 0 {
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "*") else { return .notAnExtension }
                offset += 1
            }
            switch entry {
            case .plain(let input):
                let expected = Array(input.utf8)
                guard bytes.count - offset >= expected.count,
                    bytes[offset..<offset + expected.count].elementsEqual(expected)
                else { return .notAnExtension }
                offset += expected.count
            case .secret(let byteCount):
                guard bytes.count - offset >= byteCount else { return .notAnExtension }
                offset += byteCount
            }
        }
        if offset == bytes.count { return .unchanged }
        if entries.isEmpty { return .input(String(decoding: bytes, as: UTF8.self)) }
        guard bytes[offset] == UInt8(ascii: "*") else { return .notAnExtension }
        return .input(String(decoding: bytes[(offset + 1)...], as: UTF8.self))
    }

    /// The session's `text` with every secret input shown as `****`: safe to log, cache or record.
    public var redactedText: String {
        entries.map { entry in
            switch entry {
            case .plain(let input): input
            case .secret: Redaction.mask
            }
        }.joined(separator: "*")
    }

    public var description: String { "InputTrail(\(redactedText))" }
}
