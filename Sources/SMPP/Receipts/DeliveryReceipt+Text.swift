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
        let fields = ReceiptFields(parsing: Latin1.decode(octets))
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
        var rest = Substring(input)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
            guard !rest.isEmpty else { return }
            guard let key = Self.keys.first(where: { Self.hasKey($0, at: rest) }) else {
                // A field we do not know: skip it.
                rest = rest.drop { $0 != " " }
                continue
            }
            rest = rest.dropFirst(key.count + 1)
            if key == "text" {
                text = String(rest)
                return
            }
            let value = String(rest.prefix { $0 != " " })
            rest = rest.dropFirst(value.count)
            set(key, value)
        }
    }

    private static func hasKey(_ key: String, at text: Substring) -> Bool {
        guard text.count > key.count else { return false }
        let candidate = text.prefix(key.count + 1)
        return candidate.lowercased() == key + ":"
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
