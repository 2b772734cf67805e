/// Why bytes could not be decoded as GSM-7, UCS-2 or Latin-1 text.
///
/// Offsets point into the input so a bad PDU can be reported precisely.
public enum GSM0338Error: Error, Hashable, Sendable {
    /// An ESC (0x1B) was the last septet, so its extension character is missing.
    case loneEscape(offset: Int)
    /// A septet above 0x7F: the data is not unpacked GSM-7.
    case septetOutOfRange(value: UInt8, offset: Int)
    /// UCS-2 data with an odd number of octets.
    case oddUCS2Length(Int)
    /// A UTF-16 surrogate without its partner.
    case unpairedSurrogate(offset: Int)
}
