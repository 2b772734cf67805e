/// The GSM 03.38 (3GPP TS 23.038 §6.2.1) default alphabet and its extension table, as lookup tables.
///
/// Kept separate from ``GSM7`` so the tables can be read against the spec at a glance. Lookups go
/// through `Character` keys: Swift compares and hashes characters by canonical equivalence, so a
/// decomposed `e` + U+0301 finds the same septet as a precomposed `é` without needing Foundation's
/// normalisation.
enum GSM7Alphabet {
    /// The escape septet that introduces a character from the extension table.
    static let escape: UInt8 = 0x1B

    /// The 128 base code points, indexed by septet. Index 0x1B holds a placeholder: it is the
    /// escape to the extension table, never a character of its own.
    static let base: [Unicode.Scalar] = [
        // 0x00 - 0x0F
        "@", "\u{00A3}", "$", "\u{00A5}", "\u{00E8}", "\u{00E9}", "\u{00F9}", "\u{00EC}",
        "\u{00F2}", "\u{00C7}", "\n", "\u{00D8}", "\u{00F8}", "\r", "\u{00C5}", "\u{00E5}",
        // 0x10 - 0x1F (0x1B is ESC)
        "\u{0394}", "_", "\u{03A6}", "\u{0393}", "\u{039B}", "\u{03A9}", "\u{03A0}", "\u{03A8}",
        "\u{03A3}", "\u{0398}", "\u{039E}", "\u{001B}", "\u{00C6}", "\u{00E6}", "\u{00DF}", "\u{00C9}",
        // 0x20 - 0x2F (0x24 is the currency sign ¤, not $)
        " ", "!", "\"", "#", "\u{00A4}", "%", "&", "'", "(", ")", "*", "+", ",", "-", ".", "/",
        // 0x30 - 0x3F
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ":", ";", "<", "=", ">", "?",
        // 0x40 - 0x4F (0x40 is ¡)
        "\u{00A1}", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O",
        // 0x50 - 0x5F
        "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
        "\u{00C4}", "\u{00D6}", "\u{00D1}", "\u{00DC}", "\u{00A7}",
        // 0x60 - 0x6F (0x60 is ¿)
        "\u{00BF}", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
        // 0x70 - 0x7F
        "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
        "\u{00E4}", "\u{00F6}", "\u{00F1}", "\u{00FC}", "\u{00E0}",
    ]

    /// The extension table: code that follows ESC, and the character it stands for.
    static let extensionTable: [(code: UInt8, scalar: Unicode.Scalar)] = [
        (0x0A, "\u{000C}"),  // form feed (page break)
        (0x14, "^"),
        (0x28, "{"),
        (0x29, "}"),
        (0x2F, "\\"),
        (0x3C, "["),
        (0x3D, "~"),
        (0x3E, "]"),
        (0x40, "|"),
        (0x65, "\u{20AC}"),  // €
    ]

    /// Character to its septet(s): one for the base table, ESC + code for the extension table.
    static let encodeTable: [Character: [UInt8]] = {
        var table: [Character: [UInt8]] = [:]
        for (index, scalar) in base.enumerated() where UInt8(index) != escape {
            table[Character(scalar)] = [UInt8(index)]
        }
        for entry in extensionTable {
            table[Character(entry.scalar)] = [escape, entry.code]
        }
        return table
    }()

    /// Marks an ASCII code with no GSM-7 septet in ``asciiSeptets``.
    static let notEncodable: UInt16 = 0xFFFF

    /// Septet (or `0x1B00 | code` for the extension table) per ASCII code, so the common
    /// all-ASCII text is encoded octet by octet without hashing `Character`s.
    static let asciiSeptets: [UInt16] = (0..<128).map { code in
        guard let scalar = Unicode.Scalar(code), let septets = encodeTable[Character(scalar)] else { return notEncodable }
        return septets.count == 2 ? UInt16(escape) << 8 | UInt16(septets[1]) : UInt16(septets[0])
    }

    /// Encodes an all-ASCII text through ``asciiSeptets``. Returns `.some(nil)` when a character
    /// is not encodable, and nil when the text is not all ASCII (the caller takes the slow path).
    static func encodeASCII(_ text: String) -> [UInt8]?? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        for byte in utf8 {
            let entry = asciiSeptets[Int(byte)]
            if entry == notEncodable { return .some(nil) }
            if entry > 0xFF {
                result.append(escape)
                result.append(UInt8(truncatingIfNeeded: entry))
            } else {
                result.append(UInt8(entry))
            }
        }
        return .some(result)
    }

    /// Extension code to character, for decoding.
    static let decodeExtension: [UInt8: Unicode.Scalar] = {
        var table: [UInt8: Unicode.Scalar] = [:]
        for entry in extensionTable { table[entry.code] = entry.scalar }
        return table
    }()

    /// Septets for one character, or nil when the character is outside the alphabet.
    ///
    /// A grapheme made of several scalars (CR LF is one `Character` in Swift) is encoded scalar
    /// by scalar when it is not itself in the table.
    static func septets(for character: Character) -> [UInt8]? {
        if let septets = encodeTable[character] { return septets }
        let scalars = character.unicodeScalars
        guard scalars.count > 1 else { return nil }
        var result: [UInt8] = []
        for scalar in scalars {
            guard let septets = encodeTable[Character(scalar)] else { return nil }
            result += septets
        }
        return result
    }
}
