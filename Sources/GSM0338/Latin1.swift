/// ISO-8859-1 (SMPP `data_coding` 3): one octet per character, U+0000...U+00FF.
public enum Latin1 {
    /// One octet per character, or nil when a character is above U+00FF.
    ///
    /// Goes by `Character`, so a decomposed `e` + U+0301 still becomes the single octet 0xE9.
    public static func encode(_ text: String) -> [UInt8]? {
        var octets: [UInt8] = []
        octets.reserveCapacity(text.utf8.count)
        for character in text {
            if let octet = table[character] {
                octets.append(octet)
                continue
            }
            // Multi-scalar graphemes such as CR LF encode scalar by scalar.
            for scalar in character.unicodeScalars {
                guard scalar.value <= 0xFF else { return nil }
                octets.append(UInt8(scalar.value))
            }
        }
        return octets
    }

    /// Every octet is a valid Latin-1 character, so decoding cannot fail.
    public static func decode(_ octets: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for octet in octets { scalars.append(Unicode.Scalar(octet)) }
        return String(scalars)
    }

    private static let table: [Character: UInt8] = {
        var table: [Character: UInt8] = [:]
        for value in 0...0xFF { table[Character(Unicode.Scalar(UInt8(value)))] = UInt8(value) }
        return table
    }()
}
