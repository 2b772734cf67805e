import GSM0338

/// Why a `deliver_sm` could not be read as a delivery receipt.
public enum DeliveryReceiptError: Error, Hashable, Sendable {
    /// `esm_class` does not mark a receipt.
    case notAReceipt
    /// Neither `receipted_message_id` nor an `id:` field.
    case missingMessageID
    /// Neither `message_state` nor a `stat:` word we know.
    case missingState
}

extension DeliveryReceipt {
    /// Reads a receipt from a `deliver_sm`: TLVs first (they are exact), the text for the rest.
    public init(_ deliver: DeliverSM) throws(DeliveryReceiptError) {
        guard deliver.esmClass.isDeliveryReceipt || deliver.esmClass.isIntermediateNotification else {
            throw .notAReceipt
        }
        let octets = deliver.tlvs.messagePayload ?? deliver.shortMessage
        // Receipt texts are ASCII; Latin-1 reads any octet without failing.
        let fields = ReceiptFields(octets: octets, decode: Latin1.decode)
        guard let messageID = deliver.tlvs.receiptedMessageID ?? fields.id else { throw .missingMessageID }
        guard let state = deliver.tlvs.messageState ?? fields.stat.flatMap(MessageState.init(receiptStat:)) else {
            throw .missingState
        }
        self.init(messageID: messageID, state: state, fields: fields)
        networkErrorCode = deliver.tlvs.networkErrorCode
    }

    /// Reads a receipt text alone, e.g. one that came without TLVs.
    public init(text receiptText: String) throws(DeliveryReceiptError) {
        let fields = ReceiptFields(parsing: receiptText)
        guard let messageID = fields.id else { throw .missingMessageID }
        guard let state = fields.stat.flatMap(MessageState.init(receiptStat:)) else { throw .missingState }
        self.init(messageID: messageID, state: state, fields: fields)
    }

    private init(messageID: String, state: MessageState, fields: ReceiptFields) {
        self.init(messageID: messageID, state: state)
        submitted = fields.sub.flatMap { Int($0) }
        delivered = fields.dlvrd.flatMap { Int($0) }
        submitDate = fields.submitDate.flatMap { ReceiptTimestamp($0) }
        doneDate = fields.doneDate.flatMap { ReceiptTimestamp($0) }
        error = fields.err
        text = fields.text
        textMessageID = fields.id
    }

    /// The receipt text in the usual layout, for the SMSC simulator:
    /// `id:… sub:001 dlvrd:001 submit date:2409021430 done date:2409021430 stat:DELIVRD err:000 text:…`.
    public var formattedText: String {
        var parts = ["id:\(textMessageID ?? messageID)"]
        parts.append("sub:" + Self.threeDigits(submitted ?? 1))
        parts.append("dlvrd:" + Self.threeDigits(delivered ?? (isDelivered ? 1 : 0)))
        if let submitDate { parts.append("submit date:\(submitDate)") }
        if let doneDate { parts.append("done date:\(doneDate)") }
        parts.append("stat:\(state.receiptStat)")
        parts.append("err:\(error ?? "000")")
        parts.append("text:\(text ?? "")")
        return parts.joined(separator: " ")
    }

    private static func threeDigits(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}

/// The `key:value` fields of a receipt text. Keys are matched case-insensitively and in any
/// order; values run to the next space, except `text:`, which takes the rest of the line.
struct ReceiptFields {
    var id: String?
    var sub: String?
    var dlvrd: String?
    var submitDate: String?
    var doneDate: String?
    var stat: String?
    var err: String?
    var text: String?

    /// Longest first, so `submit date:` is not taken for `sub:`.
    private static let keys = ["submit date", "done date", "dlvrd", "stat", "text", "sub", "err", "id"]

    init(parsing input: String) {
        self.init(octets: Array(input.utf8)) { String(decoding: $0, as: UTF8.self) }
    }

    /// Scans the octets once, byte by byte: receipts arrive as fast as messages go out, and a scan
    /// over `String` indices cost a tenth of the ESME's CPU at full speed.
    init(octets: [UInt8], decode: ([UInt8]) -> String) {
        var index = 0
        let end = octets.count
        while true {
            while index < end, Self.isBlank(octets[index]) { index += 1 }
            guard index < end else { return }
            guard let key = Self.keys.first(where: { Self.has($0, in: octets, at: index) }) else {
                // A field we do not know: skip it.
                while index < end, octets[index] != UInt8(ascii: " ") { index += 1 }
                continue
            }
            index += key.utf8.count + 1
            if key == "text" {
                text = decode(Array(octets[index...]))
                return
            }
            let start = index
            while index < end, octets[index] != UInt8(ascii: " ") { index += 1 }
            set(key, decode(Array(octets[start..<index])))
        }
    }

    private static func isBlank(_ octet: UInt8) -> Bool {
        octet == UInt8(ascii: " ") || octet == UInt8(ascii: "\t") || octet == UInt8(ascii: "\r") || octet == UInt8(ascii: "\n")
    }

    /// Whether `key` and a colon start at `index`, ignoring the case of ASCII letters.
    private static func has(_ key: String, in octets: [UInt8], at index: Int) -> Bool {
        let keyOctets = key.utf8
        guard index + keyOctets.count < octets.count, octets[index + keyOctets.count] == UInt8(ascii: ":") else { return false }
        for (offset, expected) in keyOctets.enumerated() {
            var octet = octets[index + offset]
            if octet >= UInt8(ascii: "A"), octet <= UInt8(ascii: "Z") { octet += 32 }
            guard octet == expected else { return false }
        }
        return true
    }

    private mutating func set(_ key: String, _ value: String) {
        switch key {
        case "id": id = value
        case "sub": sub = value
        case "dlvrd": dlvrd = value
        case "submit date": submitDate = value
        case "done date": doneDate = value
        case "stat": stat = value
        case "err": err = value
        default: break
        }
    }
}
