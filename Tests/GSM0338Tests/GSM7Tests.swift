import XCTest
import GSM0338

final class GSM7Tests: XCTestCase {
    func testEncode_atSign_isSeptetZero() {
        // `@` is 0x00, which is why C-string handling of GSM-7 text is unsafe.
        XCTAssertEqual(GSM7.encode("@"), [0x00])
    }

    func testEveryBaseCodePoint_roundTripsThroughDecodeAndEncode() throws {
        for septet in UInt8(0)...0x7F where septet != 0x1B {
            let text = try GSM7.decode([septet])
            XCTAssertEqual(text.unicodeScalars.count, 1, "septet \(septet)")
            XCTAssertEqual(GSM7.encode(text), [septet], "septet \(septet) decoded as \(text.debugDescription)")
            XCTAssertEqual(GSM7.septetCount(text), 1, "septet \(septet)")
        }
    }

    func testBaseTable_matchesSpecAtLandmarkPositions() throws {
        let expected: [UInt8: String] = [
            0x01: "£", 0x02: "$", 0x03: "¥", 0x09: "Ç", 0x0A: "\n", 0x0D: "\r", 0x10: "Δ", 0x11: "_",
            0x1F: "É", 0x24: "¤", 0x40: "¡", 0x5B: "Ä", 0x5F: "§", 0x60: "¿", 0x7B: "ä", 0x7F: "à",
        ]
        for (septet, character) in expected {
            XCTAssertEqual(try GSM7.decode([septet]), character, "septet \(septet)")
        }
    }

    func testExtensionCharacters_encodeAsEscapePairAndCountTwo() {
        let expected: [(String, UInt8)] = [
            ("€", 0x65), ("[", 0x3C), ("]", 0x3E), ("{", 0x28), ("}", 0x29),
            ("\\", 0x2F), ("^", 0x14), ("~", 0x3D), ("|", 0x40), ("\u{000C}", 0x0A),
        ]
        for (character, code) in expected {
            XCTAssertEqual(GSM7.encode(character), [0x1B, code], character)
            XCTAssertEqual(GSM7.septetCount(character), 2, character)
            XCTAssertEqual(try GSM7.decode([0x1B, code]), character)
        }
    }

    func testSeptetCount_mixedText_countsExtensionCharactersTwice() {
        XCTAssertEqual(GSM7.septetCount("Pay €5 [now]"), 15)
        XCTAssertEqual(GSM7.septetCount(""), 0)
    }

    func testEncode_whenCharacterOutsideAlphabet_returnsNil() {
        XCTAssertNil(GSM7.encode("naïve"))  // ï is not in the default alphabet
        XCTAssertNil(GSM7.septetCount("ok 👍"))
        XCTAssertFalse(GSM7.canEncode("ā"))
        XCTAssertTrue(GSM7.canEncode("Habari, umepokea Ksh1,000.00"))
    }

    func testEncode_decomposedAccent_encodesLikePrecomposed() {
        XCTAssertEqual(GSM7.encode("e\u{0301}"), [0x05])
        XCTAssertEqual(GSM7.encode("Ä"), [0x5B])
    }

    func testEncode_crlfGrapheme_encodesBothControls() {
        // Swift treats CR LF as one Character; it must still become two septets.
        XCTAssertEqual(GSM7.encode("a\r\nb"), [0x61, 0x0D, 0x0A, 0x62])
    }

    func testDecode_whenTrailingEscape_throwsLoneEscape() {
        XCTAssertThrowsError(try GSM7.decode([0x41, 0x1B])) { error in
            XCTAssertEqual(error as? GSM0338Error, .loneEscape(offset: 1))
        }
    }

    func testDecode_whenOctetAbove7F_throwsOutOfRange() {
        XCTAssertThrowsError(try GSM7.decode([0x41, 0x80])) { error in
            XCTAssertEqual(error as? GSM0338Error, .septetOutOfRange(value: 0x80, offset: 1))
        }
    }

    func testDecode_escapeBeforeUndefinedCode_showsBaseCharacter() throws {
        // TS 23.038: an undefined extension code displays the default-alphabet character.
        XCTAssertEqual(try GSM7.decode([0x1B, 0x41]), "A")
        // ESC ESC is reserved for a further table and displays as a space.
        XCTAssertEqual(try GSM7.decode([0x1B, 0x1B]), " ")
    }

    func testEncodeDecode_wholeAlphabetText_roundTrips() throws {
        let text = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCXYZÄÖÑÜ§¿abcxyzäöñüà^{}\\[~]|€"
        let septets = try XCTUnwrap(GSM7.encode(text))
        XCTAssertEqual(try GSM7.decode(septets), text)
    }
}

final class GSM7ASCIIFastPathTests: XCTestCase {
    func testEncode_everyASCIICode_agreesWithTheCharacterTable() {
        // The all-ASCII fast path must give what the general path gives, code by code:
        // compare each ASCII character alone and behind a non-ASCII one (which forces the slow path).
        for code in 0..<128 {
            let character = String(UnicodeScalarType(UInt8(code)))
            let fast = GSM7.encode(character)
            let slow = GSM7.encode("é" + character).map { Array($0.dropFirst()) }
            XCTAssertEqual(fast, slow, "ASCII \(code)")
            XCTAssertEqual(GSM7.septetCount(character), slow?.count, "ASCII \(code)")
        }
    }

    func testEncode_graveAccent_isNotInTheAlphabet() {
        XCTAssertNil(GSM7.encode("`"))
        XCTAssertEqual(GSM7.encode("a_b$c"), [0x61, 0x11, 0x62, 0x02, 0x63])
    }

    private typealias UnicodeScalarType = Unicode.Scalar
}
