/// UCS-2 as SMSCs really use it for `data_coding` 8: UTF-16 big-endian, so characters outside the
/// Basic Multilingual Plane (emoji) travel as surrogate pairs and count as two units.
public enum UCS2 {
    /// UTF-16BE octets of `text`, surrogate pairs included.
    public static func encode(_ text: String) -> [UInt8] {
        var octets: [UInt8] = []
        octets.reserveCapacity(text.utf16.count * 2)
        for unit in text.utf16 {
            octets.append(UInt8(truncatingIfNeeded: unit >> 8))
            octets.append(UInt8(truncatingIfNeeded: unit))
        }
        return octets
    }

    /// Decodes UTF-16BE; throws on an odd octet count or a surrogate without its partner, since
    /// either means a part was cut in the wrong place.
    public static func decode(_ octets: [UInt8]) throws(GSM0338Error) -> String {
        guard octets.count % 2 == 0 else { throw .oddUCS2Length(octets.count) }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < octets.count {
            let unit = UInt16(octets[index]) << 8 | UInt16(octets[index + 1])
            if UTF16.isLeadSurrogate(unit) {
                guard index + 3 < octets.count else { throw .unpairedSurrogate(offset: index) }
                let trail = UInt16(octets[index + 2]) << 8 | UInt16(octets[index + 3])
                guard UTF16.isTrailSurrogate(trail) else { throw .unpairedSurrogate(offset: index) }
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(trail) - 0xDC00)
                // A valid pair always yields a scalar in U+10000...U+10FFFF.
                scalars.append(Unicode.Scalar(value)!)
                index += 4
            } else if UTF16.isTrailSurrogate(unit) {
                throw .unpairedSurrogate(offset: index)
            } else {
                // Not a surrogate, so always a valid scalar.
                scalars.append(Unicode.Scalar(unit)!)
                index += 2
            }
        }
        return String(scalars)
    }

    /// UTF-16 code units in `text`: the length that the 70/67/66 limits count.
    public static func unitCount(_ text: String) -> Int {
        text.utf16.count
    }
}
