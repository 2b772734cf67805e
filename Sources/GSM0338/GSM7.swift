/// GSM 03.38 (3GPP TS 23.038) default alphabet with its extension table: the alphabet behind
/// SMPP `data_coding` 0 on most SMSCs and the alphabet of 160-character SMS.
///
/// Septets are handled *unpacked* (one septet per octet, as SMPP `short_message` usually carries
/// them); ``pack(_:)`` and ``unpack(_:septetCount:)`` convert for SMSCs that want packed data.
/// Characters are taken as Swift `Character`s, so canonically equivalent spellings (`é` and
/// `e` + U+0301) encode the same.
public enum GSM7 {
    /// Septets needed for `text` in GSM 03.38 default alphabet + extension table (extension chars
    /// count 2), nil if some character is not encodable.
    public static func septetCount(_ text: String) -> Int? {
        if let fast = GSM7Alphabet.encodeASCII(text) { return fast?.count }
        var count = 0
        for character in text {
            guard let septets = GSM7Alphabet.septets(for: character) else { return nil }
            count += septets.count
        }
        return count
    }

    /// Whether every character of `text` is in the default alphabet or its extension table.
    public static func canEncode(_ text: String) -> Bool {
        septetCount(text) != nil
    }

    /// Unpacked septets (one per octet), extension chars as 0x1B + code. nil if not encodable.
    public static func encode(_ text: String) -> [UInt8]? {
        if let fast = GSM7Alphabet.encodeASCII(text) { return fast }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for character in text {
            guard let septets = GSM7Alphabet.septets(for: character) else { return nil }
            result += septets
        }
        return result
    }

    /// Decodes unpacked septets; throws on a lone trailing ESC or a value > 0x7F.
    ///
    /// As TS 23.038 asks of a receiver, ESC followed by a code with no extension character shows
    /// the base character of that code, and ESC ESC (reserved for a further table) shows a space.
    public static func decode(_ septets: [UInt8]) throws(GSM0338Error) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < septets.count {
            let septet = septets[index]
            guard septet <= 0x7F else { throw .septetOutOfRange(value: septet, offset: index) }
            guard septet == GSM7Alphabet.escape else {
                scalars.append(GSM7Alphabet.base[Int(septet)])
                index += 1
                continue
            }
            guard index + 1 < septets.count else { throw .loneEscape(offset: index) }
            let code = septets[index + 1]
            guard code <= 0x7F else { throw .septetOutOfRange(value: code, offset: index + 1) }
            if let scalar = GSM7Alphabet.decodeExtension[code] {
                scalars.append(scalar)
            } else if code == GSM7Alphabet.escape {
                scalars.append(" ")
            } else {
                scalars.append(GSM7Alphabet.base[Int(code)])
            }
            index += 2
        }
        return String(scalars)
    }
}
