/// Ties delivery receipts to submitted parts by normalised message id.
///
/// Receipts and `submit_sm_resp` race: a fast SMSC may send the receipt first. Such a receipt
/// is held (up to ``maxHeld``) until the response names its id.
struct ReceiptMatcher: Sendable {
    let base: MessageID.Base
    let maxHeld: Int
    private var submitted: [String: SubmittedPart] = [:]
    private var held: [String: DeliveryReceipt] = [:]
    private var heldOrder: [String] = []

    init(base: MessageID.Base, maxHeld: Int = 10_000) {
        self.base = base
        self.maxHeld = maxHeld
    }

    var awaitingReceipts: Int { submitted.count }

    /// Records an accepted part; returns a receipt that arrived before it, now matched.
    mutating func accepted(_ part: SubmittedPart, wantsReceipt: Bool) -> ReceiptEvent? {
        let key = MessageID.normalized(part.messageID, base: base)
        if let receipt = held.removeValue(forKey: key) {
            heldOrder.removeAll { $0 == key }
            if !receipt.state.isFinal { submitted[key] = part }
            return ReceiptEvent(part: part, receipt: receipt)
        }
        if wantsReceipt { submitted[key] = part }
        return nil
    }

    /// Matches a receipt; nil when its part is not (yet) known, in which case it is held.
    mutating func receive(_ receipt: DeliveryReceipt) -> ReceiptEvent? {
        let key = MessageID.normalized(receipt.messageID, base: base)
        guard let part = submitted[key] else {
            held[key] = receipt
            heldOrder.append(key)
            if heldOrder.count > maxHeld { held[heldOrder.removeFirst()] = nil }
            return nil
        }
        if receipt.state.isFinal { submitted[key] = nil }
        return ReceiptEvent(part: part, receipt: receipt)
    }
}
