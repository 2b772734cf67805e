extension GSM7 {
    /// Replaces characters outside GSM-7 with the closest GSM-7 text (é->e is in the table already,
    /// but e.g. ā->a, ł->l, “ ” -> ", ‘ ’ -> ', – — -> -, … -> ..., emoji/unknown -> ?), so the
    /// result always `canEncode`.
    ///
    /// Used where a UCS-2 message (70 characters) would be a poor trade for one typographic quote,
    /// e.g. a name typed on a phone with smart punctuation. Works one `Character` at a time, so an
    /// emoji made of several scalars (a flag, a family) becomes a single `?`.
    public static func transliterate(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if GSM7Alphabet.septets(for: character) != nil {
                result.append(character)
            } else {
                result += GSM7Transliteration.replacement(for: character)
            }
        }
        return result
    }
}

/// The rules behind ``GSM7/transliterate(_:)``: an explicit table first, then the Latin base
/// letter read from the Unicode name (`LATIN SMALL LETTER A WITH MACRON` -> `a`), then `?`.
///
/// Reading names keeps the table short and needs no Foundation; every replacement is checked
/// against the alphabet before it is used, so a wrong guess degrades to `?`, never to bad text.
enum GSM7Transliteration {
    static let fallback = "?"

    static let table: [Character: String] = [
        // Punctuation that phones and word processors substitute for ASCII.
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{00AB}": "\"", "\u{00BB}": "\"",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'", "\u{00B4}": "'", "`": "'",
        "\u{2039}": "<", "\u{203A}": ">",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2015}": "-", "\u{2212}": "-",
        "\u{2026}": "...", "\u{2022}": "*", "\u{00B7}": ".", "\u{00D7}": "x", "\u{00F7}": "/",
        "\u{00A0}": " ", "\u{2007}": " ", "\u{202F}": " ", "\u{2009}": " ", "\u{200A}": " ", "\t": " ",
        "\u{200B}": "", "\u{200D}": "", "\u{FEFF}": "", "\u{00AD}": "",
        "\u{2028}": "\n", "\u{2029}": "\n", "\u{000B}": "\n",
        "\u{00A2}": "c", "\u{00A9}": "(c)", "\u{00AE}": "(R)", "\u{2122}": "TM", "\u{00B0}": "o",
        "\u{00BD}": "1/2", "\u{00BC}": "1/4", "\u{00BE}": "3/4", "\u{00B9}": "1", "\u{00B2}": "2", "\u{00B3}": "3",
        "\u{00B5}": "u", "\u{00AA}": "a", "\u{00BA}": "o", "\u{00A6}": "|", "\u{00AC}": "-", "\u{00A8}": "\"",
        // Letters whose Unicode names do not lead to a base letter.
        "\u{00E7}": "\u{00C7}",  // ç: TS 23.038 maps it to 0x09, drawn as Ç
        "\u{0153}": "oe", "\u{0152}": "OE", "\u{00FE}": "th", "\u{00DE}": "TH", "\u{00F0}": "d", "\u{00D0}": "D",
        "\u{0131}": "i", "\u{0138}": "k", "\u{017F}": "s", "\u{1E9E}": "SS", "\u{0133}": "ij", "\u{0132}": "IJ",
        // Greek capitals that look like Latin ones (the others are in the alphabet).
        "\u{0391}": "A", "\u{0392}": "B", "\u{0395}": "E", "\u{0396}": "Z", "\u{0397}": "H", "\u{0399}": "I",
        "\u{039A}": "K", "\u{039C}": "M", "\u{039D}": "N", "\u{039F}": "O", "\u{03A1}": "P", "\u{03A4}": "T",
        "\u{03A5}": "Y", "\u{03A7}": "X",
    ]

    /// The GSM-7 text that stands in for `character`; always encodable.
    static func replacement(for character: Character) -> String {
        if let mapped = table[character] { return mapped }
        var result = ""
        for scalar in character.unicodeScalars {
            // Combining marks only decorate the letter before them: drop them.
            if isCombiningMark(scalar) { continue }
            if let direct = encodable(Character(scalar)) {
                result += direct
            } else if let mapped = table[Character(scalar)] {
                result += mapped
            } else if let letter = baseLetter(from: scalar), let direct = encodable(Character(letter)) {
                result += direct
            } else {
                // One `?` per grapheme is enough: `👍🏽` is one thing the reader sees.
                return result.isEmpty ? fallback : result + fallback
            }
        }
        return result.isEmpty && !character.unicodeScalars.allSatisfy(isCombiningMark) ? fallback : result
    }

    private static func encodable(_ character: Character) -> String? {
        GSM7Alphabet.septets(for: character) == nil ? nil : String(character)
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        case .format: return scalar.value == 0x200D || scalar.value == 0xFE0F || scalar.value == 0xFE0E
        default: return false
        }
    }

    /// `LATIN SMALL LETTER L WITH STROKE` -> `l`, `FULLWIDTH LATIN CAPITAL LETTER A` -> `A`.
    private static func baseLetter(from scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard let name = scalar.properties.name else { return nil }
        for (prefix, isCapital) in [("LATIN SMALL LETTER ", false), ("LATIN CAPITAL LETTER ", true)] {
            guard let range = name.firstRange(of: prefix) else { continue }
            let rest = name[range.upperBound...]
            let letterName = rest.prefix { $0 != " " }
            // Only a single letter is a base letter; `LATIN SMALL LETTER ESH` is not `e`.
            guard letterName.count == 1, let letter = letterName.unicodeScalars.first,
                  ("A"..."Z").contains(letter) else { return nil }
            return isCapital ? letter : Unicode.Scalar(letter.value + 0x20)
        }
        return nil
    }
}
