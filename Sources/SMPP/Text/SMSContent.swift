import GSM0338

/// The content of one received PDU, with the UDH or SAR TLVs taken off: what the SMSC simulator
/// and tests need to rebuild the text of a message sent in parts.
public struct SMSContent: Hashable, Sendable {
    public var dataCoding: DataCoding
    /// Unpacked septets for GSM-7 (`data_coding` 0), octets in `data_coding`'s alphabet otherwise.
    public var payload: [UInt8]
    /// Where this part belongs, nil for a message that came whole.
    public var segment: SMSSegment?

    public init(dataCoding: DataCoding, payload: [UInt8], segment: SMSSegment?) {
        self.dataCoding = dataCoding
        self.payload = payload
        self.segment = segment
    }

    /// The text of this part alone.
    public func text() throws(SMSCodingError) -> String {
        try Self.text(from: payload, dataCoding: dataCoding)
    }

    static func text(from payload: [UInt8], dataCoding: DataCoding) throws(SMSCodingError) -> String {
        do {
            switch SMSDecoder.alphabet(of: dataCoding) {
            case .gsm7: return try GSM7.decode(payload)
            case .ucs2: return try UCS2.decode(payload)
            case .latin1: return Latin1.decode(payload)
            case nil: throw SMSCodingError.unsupportedDataCoding(dataCoding.rawValue)
            }
        } catch let error as GSM0338Error {
            throw .invalidText(error)
        } catch let error as SMSCodingError {
            throw error
        } catch {
            throw .unsupportedDataCoding(dataCoding.rawValue)
        }
    }
}
