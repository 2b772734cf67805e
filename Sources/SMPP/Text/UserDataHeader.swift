/// The concatenation information elements of a User Data Header (TS 23.040 §9.2.3.24.1 and
/// §9.2.3.24.8), as the first octets of `short_message` when `esm_class` has UDHI set.
enum UserDataHeader {
    /// `05 00 03 ref total seq`: UDH length, IEI 0x00 (8-bit reference), IE length 3.
    static func concatenation8(_ segment: SMSSegment) -> [UInt8] {
        [0x05, 0x00, 0x03, UInt8(truncatingIfNeeded: segment.reference), segment.total, segment.number]
    }

    /// `06 08 04 refH refL total seq`: IEI 0x08 (16-bit reference), IE length 4.
    static func concatenation16(_ segment: SMSSegment) -> [UInt8] {
        [0x06, 0x08, 0x04, UInt8(segment.reference >> 8), UInt8(truncatingIfNeeded: segment.reference),
         segment.total, segment.number]
    }

    /// Splits `octets` into the header (length octet included) and the rest, and reads a
    /// concatenation element if there is one; other elements (ports, …) are skipped.
    static func parse(_ octets: [UInt8]) throws(SMSCodingError) -> (headerLength: Int, segment: SMSSegment?) {
        guard let length = octets.first, Int(length) + 1 <= octets.count else { throw .invalidUserDataHeader }
        let end = Int(length) + 1
        var index = 1
        var segment: SMSSegment?
        while index < end {
            guard index + 1 < end else { throw .invalidUserDataHeader }
            let identifier = octets[index]
            let elementLength = Int(octets[index + 1])
            let data = index + 2
            guard data + elementLength <= end else { throw .invalidUserDataHeader }
            if identifier == 0x00, elementLength == 3 {
                segment = SMSSegment(reference: UInt16(octets[data]), total: octets[data + 1], number: octets[data + 2])
            } else if identifier == 0x08, elementLength == 4 {
                segment = SMSSegment(
                    reference: UInt16(octets[data]) << 8 | UInt16(octets[data + 1]),
                    total: octets[data + 2],
                    number: octets[data + 3]
                )
            }
            index = data + elementLength
        }
        return (end, segment)
    }
}
