/// One delivery-report callback from Kannel's smsbox: `GET /dlr?ref=TXN-…&type=1`.
///
/// `type` is Kannel's report value (`%d`): 1 delivered, 2 undelivered, 4 buffered, 8 SMSC accepted,
/// 16 SMSC rejected. Only 1, 2 and 16 are final; the benchmark asks for final ones only, but an
/// intermediate one must never be counted as a delivery.
struct DLRCallback: Sendable, Hashable {
    static let path = "/dlr"

    var reference: String
    var type: Int

    var isDelivered: Bool { type == 1 }
    var isFinal: Bool { type == 1 || type == 2 || type == 16 }

    /// Reads `ref` and `type` from a query string (without `?`); nil when either is missing or
    /// `type` is not a number.
    init?(query: String) {
        var fields: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first else { continue }
            fields[String(name)] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
        guard let reference = fields["ref"], !reference.isEmpty, let type = fields["type"].flatMap({ Int($0) }) else {
            return nil
        }
        self.reference = reference
        self.type = type
    }

    /// Form decoding: `+` is a space, `%XX` a byte; a malformed escape is kept as written.
    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                let high = iterator.next(), low = iterator.next()
                if let high, let low, let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                } else {
                    bytes.append(byte)
                    if let high { bytes.append(high) }
                    if let low { bytes.append(low) }
                }
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
