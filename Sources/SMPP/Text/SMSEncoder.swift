import GSM0338

/// Turns a text into SMPP message content: GSM-7 (`data_coding` 0) when every character is in
/// the GSM 03.38 alphabet, UCS-2 (`data_coding` 8) otherwise, split into concatenated parts when
/// it does not fit one SMS.
///
/// Limits (TS 23.040 §9.2.3.24.1): one message holds 160 septets or 70 UCS-2 units; a part with
/// an 8-bit reference UDH 153/67, with a 16-bit one 152/66. SAR parts also carry 153/67: the SMSC
/// turns the TLVs into an 8-bit reference UDH on the air, which takes the same six octets (this
/// is what Kannel and Jasmin assume, too). Extension characters cost two septets and emoji two
/// units; neither is ever split across parts.
public struct SMSEncoder: Sendable {
    /// How a long text travels; SMSCs differ, so this is a per-link setting.
    public enum Concatenation: String, Hashable, Sendable, CaseIterable {
        /// UDH with an 8-bit reference in `short_message`, UDHI set.
        case udh8
        /// UDH with a 16-bit reference.
        case udh16
        /// `sar_msg_ref_num`, `sar_total_segments`, `sar_segment_seqnum` TLVs.
        case sar
        /// The whole text in one `message_payload` TLV; the SMSC splits it.
        case messagePayload
    }

    /// How GSM-7 septets are laid into `short_message`.
    public enum GSMPacking: String, Hashable, Sendable, CaseIterable {
        /// One septet per octet, what most SMSCs expect for `data_coding` 0.
        case unpacked
        /// 8 septets in 7 octets, for SMSCs that want it (Cloudhopper's PACKED-GSM).
        case packed
    }

    /// What to do with a text that is not all GSM-7.
    public enum UnicodePolicy: String, Hashable, Sendable, CaseIterable {
        /// Send UCS-2: exact, but 70 characters per SMS instead of 160.
        case ucs2
        /// Replace the odd characters (`“` → `"`, `ā` → `a`, emoji → `?`) and stay in GSM-7.
        case transliterate
    }

    public static let singleGSMLimit = 160
    public static let singleUCS2Limit = 70
    public static let maxPayloadLength = Int(UInt16.max)

    public var concatenation: Concatenation
    public var packing: GSMPacking
    public var unicodePolicy: UnicodePolicy

    public init(concatenation: Concatenation = .udh8, packing: GSMPacking = .unpacked, unicodePolicy: UnicodePolicy = .ucs2) {
        self.concatenation = concatenation
        self.packing = packing
        self.unicodePolicy = unicodePolicy
    }

    /// Septets (GSM-7) or units (UCS-2) per part of a concatenated message.
    public func partLimit(for dataCoding: DataCoding) -> Int {
        let isGSM = dataCoding == .smscDefault
        switch concatenation {
        case .udh16: return isGSM ? 152 : 66
        case .udh8, .sar, .messagePayload: return isGSM ? 153 : 67
        }
    }

    /// Encodes `text`; `reference` ties the parts together (the low octet only for `.udh8`)
    /// and should differ between recent messages to the same handset.
    public func encode(_ text: String, reference: UInt16) throws(SMSCodingError) -> EncodedSMS {
        var text = text
        var isGSM = GSM7.canEncode(text)
        if !isGSM, unicodePolicy == .transliterate {
            text = GSM7.transliterate(text)
            isGSM = true
        }
        let dataCoding: DataCoding = isGSM ? .smscDefault : .ucs2
        let cost: (Character) -> Int = isGSM ? { GSM7.septetCount(String($0)) ?? 1 } : { $0.utf16.count }
        let units = isGSM ? GSM7.septetCount(text) ?? 0 : text.utf16.count
        let singleLimit = isGSM ? Self.singleGSMLimit : Self.singleUCS2Limit

        if units <= singleLimit {
            let part = SMSPart(dataCoding: dataCoding, hasUDH: false, shortMessage: payload(text, isGSM), segment: nil)
            return EncodedSMS(dataCoding: dataCoding, parts: [part], text: text)
        }
        if concatenation == .messagePayload {
            let octets = payload(text, isGSM)
            guard octets.count <= Self.maxPayloadLength else { throw .payloadTooLong(octets.count) }
            var tlvs = TLVList()
            tlvs.messagePayload = octets
            let part = SMSPart(dataCoding: dataCoding, hasUDH: false, shortMessage: [], tlvs: tlvs, segment: nil)
            return EncodedSMS(dataCoding: dataCoding, parts: [part], text: text)
        }

        let chunks = TextSplitter(cost: cost).split(text, limit: partLimit(for: dataCoding))
        guard chunks.count <= 255 else { throw .tooManyParts(chunks.count) }
        let parts = chunks.enumerated().map { index, chunk in
            let segment = SMSSegment(reference: reference, total: UInt8(chunks.count), number: UInt8(index + 1))
            return part(chunk, segment: segment, isGSM: isGSM, dataCoding: dataCoding)
        }
        return EncodedSMS(dataCoding: dataCoding, parts: parts, text: text)
    }

    private func part(_ chunk: String, segment: SMSSegment, isGSM: Bool, dataCoding: DataCoding) -> SMSPart {
        switch concatenation {
        case .udh8, .udh16:
            let header = concatenation == .udh8
                ? UserDataHeader.concatenation8(segment)
                : UserDataHeader.concatenation16(segment)
            return SMSPart(
                dataCoding: dataCoding, hasUDH: true, shortMessage: payload(chunk, isGSM, header: header), segment: segment
            )
        case .sar, .messagePayload:
            var tlvs = TLVList()
            tlvs.sarMessageReference = segment.reference
            tlvs.sarTotalSegments = segment.total
            tlvs.sarSegmentSequence = segment.number
            return SMSPart(dataCoding: dataCoding, hasUDH: false, shortMessage: payload(chunk, isGSM), tlvs: tlvs, segment: segment)
        }
    }

    /// The octets for `text` (already known to fit the alphabet), after `header` if any.
    private func payload(_ text: String, _ isGSM: Bool, header: [UInt8] = []) -> [UInt8] {
        guard isGSM else { return header + UCS2.encode(text) }
        let septets = GSM7.encode(text) ?? []
        switch packing {
        case .unpacked: return header + septets
        case .packed: return PackedGSM.pack(septets: septets, header: header)
        }
    }
}
