import SMPP

/// What the driver prints for one message: the parts the SMSC accepted and the receipts our ESME
/// matched to them, so a checker written in another language can compare with what the SMSC saw.
struct InteropReport: Codable, Sendable {
    struct Part: Codable, Sendable {
        var partNumber: Int
        var totalParts: Int
        var messageID: String
        var attempts: Int
    }

    struct Receipt: Codable, Sendable {
        var partNumber: Int
        /// The id of the `submit_sm_resp` the receipt was matched to.
        var submittedMessageID: String
        /// The id the receipt itself carried (`receipted_message_id`, else `id:`).
        var receiptMessageID: String
        /// `id:` of the receipt text, when there was a text.
        var textMessageID: String?
        var state: String
        var text: String?
    }

    var reference: String
    var parts: [Part] = []
    var receipts: [Receipt] = []
    /// Why the message was not accepted, if it was not.
    var error: String?

    /// True when every part was accepted and got exactly one final receipt.
    var isComplete: Bool {
        guard error == nil, !parts.isEmpty else { return false }
        let finals = receipts.filter { MessageState(receiptStat: $0.state)?.isFinal ?? false }
        return Set(finals.map(\.partNumber)) == Set(parts.map(\.partNumber)) && finals.count == parts.count
    }
}

extension InteropReport.Part {
    init(_ part: SubmittedPart) {
        self.init(partNumber: part.partNumber, totalParts: part.totalParts, messageID: part.messageID, attempts: part.attempts)
    }
}

extension InteropReport.Receipt {
    init(_ event: ReceiptEvent) {
        self.init(
            partNumber: event.part.partNumber, submittedMessageID: event.part.messageID,
            receiptMessageID: event.receipt.messageID, textMessageID: event.receipt.textMessageID,
            state: event.receipt.state.receiptStat, text: event.receipt.text
        )
    }
}
