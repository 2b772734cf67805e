/// An SMSC delivery receipt: the `deliver_sm` with `esm_class` 0x04 that says what became of a
/// submitted message, read from its TLVs and its text (spec Appendix B, de facto format
/// `id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…`).
public struct DeliveryReceipt: Hashable, Sendable {
    /// The SMSC's message id: `receipted_message_id` when present, else `id:` of the text.
    /// Compare with ``MessageID`` normalisation: bases and leading zeros vary.
    public var messageID: String
    /// The final state: `message_state` when present, else `stat:` of the text.
    public var state: MessageState
    /// `sub:`, messages submitted (usually 1).
    public var submitted: Int?
    /// `dlvrd:`, messages delivered.
    public var delivered: Int?
    public var submitDate: ReceiptTimestamp?
    public var doneDate: ReceiptTimestamp?
    /// `err:` as written (three digits, network-specific meaning).
    public var error: String?
    /// `text:`, usually the first 20 characters of the message.
    public var text: String?
    /// `network_error_code` TLV.
    public var networkErrorCode: NetworkErrorCode?
    /// `id:` as written in a parsed text, which may differ from a TLV id (e.g. another base);
    /// nil for a receipt built in code, whose text then shows ``messageID``.
    public var textMessageID: String?

    public init(
        messageID: String,
        state: MessageState,
        submitted: Int? = 1,
        delivered: Int? = nil,
        submitDate: ReceiptTimestamp? = nil,
        doneDate: ReceiptTimestamp? = nil,
        error: String? = "000",
        text: String? = nil,
        networkErrorCode: NetworkErrorCode? = nil
    ) {
        self.messageID = messageID
        self.state = state
        self.submitted = submitted
        self.delivered = delivered ?? (state == .delivered ? 1 : 0)
        self.submitDate = submitDate
        self.doneDate = doneDate
        self.error = error
        self.text = text
        self.networkErrorCode = networkErrorCode
        self.textMessageID = nil
    }

    /// Whether the message reached the handset.
    public var isDelivered: Bool { state == .delivered }

    /// The TLVs an SMPP 3.4 SMSC adds to the receipt's `deliver_sm`.
    public var tlvs: TLVList {
        var list = TLVList()
        list.receiptedMessageID = messageID
        list.messageState = state
        list.networkErrorCode = networkErrorCode
        return list
    }

    /// A `deliver_sm` carrying this receipt, from the handset (`source`) to the ESME's sender
    /// address (`destination`), the reverse of the original `submit_sm`.
    public func deliverSM(source: Address, destination: Address) -> DeliverSM {
        DeliverSM(
            source: source,
            destination: destination,
            esmClass: .deliveryReceipt,
            shortMessage: Array(formattedText.utf8),
            tlvs: tlvs
        )
    }
}
