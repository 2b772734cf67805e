import GSM0338

/// Why a text could not be turned into SMS parts, or parts back into text.
public enum SMSCodingError: Error, Hashable, Sendable {
    /// More than 255 parts would be needed; concatenation counts parts in one octet.
    case tooManyParts(Int)
    /// A `message_payload` over 65,535 octets.
    case payloadTooLong(Int)
    /// A `data_coding` that does not carry text we can read (e.g. 8-bit binary).
    case unsupportedDataCoding(UInt8)
    /// UDHI set but the User Data Header is cut short or its length overruns the message.
    case invalidUserDataHeader
    /// A part number of 0, or above the total, or a total of 0.
    case invalidSegment(number: UInt8, total: UInt8)
    /// The octets are not valid in the alphabet `data_coding` names.
    case invalidText(GSM0338Error)
}
