/// Reads the content of a `submit_sm`/`deliver_sm`: the payload from `short_message` or
/// `message_payload`, the segment from a UDH (UDHI set) or from SAR TLVs.
public struct SMSDecoder: Sendable {
    /// How GSM-7 septets arrive in `short_message` on this link.
    public var packing: SMSEncoder.GSMPacking

    public init(packing: SMSEncoder.GSMPacking = .unpacked) {
        self.packing = packing
    }

    enum Alphabet { case gsm7, ucs2, latin1 }

    /// The text alphabet a `data_coding` names, nil for binary and codings we do not read.
    /// Besides 0, 1, 3 and 8, reads the GSM "message class" group 0xF0–0xF3 (GSM-7).
    static func alphabet(of dataCoding: DataCoding) -> Alphabet? {
        switch dataCoding.rawValue {
        case 0x00, 0xF0...0xF3: .gsm7
        case 0x01, 0x03: .latin1  // IA5 is ASCII, a subset of Latin-1
        case 0x08: .ucs2
        default: nil
        }
    }

    public func decode(_ pdu: some ShortMessagePDU) throws(SMSCodingError) -> SMSContent {
        try decode(shortMessage: pdu.shortMessage, esmClass: pdu.esmClass, dataCoding: pdu.dataCoding, tlvs: pdu.tlvs)
    }

    public func decode(
        shortMessage: [UInt8],
        esmClass: ESMClass,
        dataCoding: DataCoding,
        tlvs: TLVList
    ) throws(SMSCodingError) -> SMSContent {
        guard let alphabet = Self.alphabet(of: dataCoding) else { throw .unsupportedDataCoding(dataCoding.rawValue) }
        let octets = tlvs.messagePayload ?? shortMessage
        var headerLength = 0
        var segment: SMSSegment?
        if esmClass.hasUDH {
            (headerLength, segment) = try UserDataHeader.parse(octets)
        } else if let reference = tlvs.sarMessageReference,
                  let total = tlvs.sarTotalSegments,
                  let number = tlvs.sarSegmentSequence {
            segment = SMSSegment(reference: reference, total: total, number: number)
        }
        if let segment, segment.total == 0 || segment.number == 0 || segment.number > segment.total {
            throw .invalidSegment(number: segment.number, total: segment.total)
        }
        let payload: [UInt8]
        if alphabet == .gsm7, packing == .packed {
            payload = PackedGSM.unpack(octets, headerLength: headerLength)
        } else {
            payload = Array(octets[headerLength...])
        }
        return SMSContent(dataCoding: dataCoding, payload: payload, segment: segment)
    }
}
