/// Why a PDU value cannot be put on the wire. Raised by the encoder instead of silently
/// truncating a field, which would send something other than what the caller built.
public enum SMPPEncodingError: Error, Hashable, Sendable {
    /// A C-Octet String longer than the spec allows (`maxLength` counts the NUL).
    case cStringTooLong(field: String, maxLength: Int)
    /// A C-Octet String with a NUL inside or a character outside Latin-1.
    case invalidCString(field: String)
    /// `short_message` over 254 octets: use `message_payload` or split the text.
    case shortMessageTooLong(Int)
    /// The spec forbids `short_message` and `message_payload` in one PDU.
    case shortMessageAndMessagePayload
    /// A TLV value over 65,535 octets.
    case tlvTooLong(tag: UInt16, length: Int)
    /// A known TLV with a length its definition does not allow.
    case invalidTLVLength(tag: UInt16, length: Int)
    /// The encoded PDU is over the encoder's cap.
    case pduTooLong(length: Int, limit: Int)
}
