/// One `submit_sm`'s worth of message content, ready to be put into a PDU with
/// ``ShortMessagePDU/setContent(_:)``.
public struct SMSPart: Hashable, Sendable {
    public var dataCoding: DataCoding
    /// Whether `shortMessage` starts with a UDH (sets UDHI in `esm_class`).
    public var hasUDH: Bool
    public var shortMessage: [UInt8]
    /// SAR TLVs or `message_payload`, depending on the concatenation method.
    public var tlvs: TLVList
    /// Position in the message, nil for a message sent whole.
    public var segment: SMSSegment?

    public init(dataCoding: DataCoding, hasUDH: Bool, shortMessage: [UInt8], tlvs: TLVList = [], segment: SMSSegment?) {
        self.dataCoding = dataCoding
        self.hasUDH = hasUDH
        self.shortMessage = shortMessage
        self.tlvs = tlvs
        self.segment = segment
    }
}

/// A text encoded for SMPP: the alphabet chosen and the parts in order.
public struct EncodedSMS: Hashable, Sendable {
    public var dataCoding: DataCoding
    public var parts: [SMSPart]
    /// The text that was encoded, after any transliteration.
    public var text: String

    public init(dataCoding: DataCoding, parts: [SMSPart], text: String) {
        self.dataCoding = dataCoding
        self.parts = parts
        self.text = text
    }
}

extension ShortMessagePDU {
    /// Puts a part's content into this PDU: `data_coding`, the UDHI bit, `short_message` and the
    /// concatenation TLVs (replacing any SAR or `message_payload` TLVs already there, keeping others).
    public mutating func setContent(_ part: SMSPart) {
        dataCoding = part.dataCoding
        esmClass.hasUDH = part.hasUDH
        shortMessage = part.shortMessage
        for tag in [TLVTag.sarMessageReference, .sarTotalSegments, .sarSegmentSequence, .messagePayload] {
            tlvs[tag] = nil
        }
        tlvs.entries += part.tlvs.entries
    }
}
