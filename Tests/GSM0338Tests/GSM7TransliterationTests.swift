import XCTest
import GSM0338

final class GSM7TransliterationTests: XCTestCase {
    func testTransliterate_accentsOutsideAlphabet_becomeBaseLetters() {
        XCTAssertEqual(GSM7.transliterate("ā ł Ł ő ș ñ é"), "a l L o s ñ é")
        XCTAssertEqual(GSM7.transliterate("Zoë Škoda"), "Zoe Skoda")
    }

    func testTransliterate_typographicPunctuation_becomesAscii() {
        XCTAssertEqual(GSM7.transliterate("“Hi” ‘you’ – — …"), "\"Hi\" 'you' - - ...")
    }

    func testTransliterate_emojiAndUnknown_becomeOneQuestionMarkEach() {
        XCTAssertEqual(GSM7.transliterate("ok 👍🏽 🇰🇪 中"), "ok ? ? ?")
    }

    func testTransliterate_decomposedLetterOutsideAlphabet_dropsTheMark() {
        XCTAssertEqual(GSM7.transliterate("a\u{0304}"), "a")
    }

    func testTransliterate_encodableText_isUnchanged() {
        let text = "Confirmed. Ksh5,000.00 sent to 254711987654 on 2/9/24 at 2:30 PM. [€]"
        XCTAssertEqual(GSM7.transliterate(text), text)
    }

    func testTransliterate_result_alwaysEncodes() {
        // Every scalar of the BMP and a sample beyond it, one at a time and as a string.
        var all = ""
        for value in stride(from: 0, through: 0x2FFFF, by: 1) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let single = GSM7.transliterate(String(scalar))
            XCTAssertTrue(GSM7.canEncode(single), "U+\(String(value, radix: 16)) -> \(single.debugDescription)")
            if value % 7 == 0 { all.unicodeScalars.append(scalar) }
        }
        XCTAssertTrue(GSM7.canEncode(GSM7.transliterate(all)))
    }
}
