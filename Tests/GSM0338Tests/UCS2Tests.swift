import XCTest
import GSM0338

final class UCS2Tests: XCTestCase {
    func testEncode_bmpText_isUTF16BigEndian() {
        XCTAssertEqual(UCS2.encode("Aé€"), [0x00, 0x41, 0x00, 0xE9, 0x20, 0xAC])
    }

    func testEncode_emoji_isSurrogatePair() {
        // U+1F600 -> D83D DE00
        XCTAssertEqual(UCS2.encode("😀"), [0xD8, 0x3D, 0xDE, 0x00])
        XCTAssertEqual(UCS2.unitCount("😀"), 2)
    }

    func testDecode_roundTripsMixedText() throws {
        let text = "Habari 👋🏽 Ksh5,000 — asante 中文"
        XCTAssertEqual(try UCS2.decode(UCS2.encode(text)), text)
    }

    func testDecode_whenOddLength_throws() {
        XCTAssertThrowsError(try UCS2.decode([0x00, 0x41, 0x00])) { error in
            XCTAssertEqual(error as? GSM0338Error, .oddUCS2Length(3))
        }
    }

    func testDecode_whenLeadSurrogateAlone_throws() {
        XCTAssertThrowsError(try UCS2.decode([0xD8, 0x3D])) { error in
            XCTAssertEqual(error as? GSM0338Error, .unpairedSurrogate(offset: 0))
        }
        XCTAssertThrowsError(try UCS2.decode([0xD8, 0x3D, 0x00, 0x41]))
    }

    func testDecode_whenTrailSurrogateFirst_throws() {
        XCTAssertThrowsError(try UCS2.decode([0x00, 0x41, 0xDE, 0x00])) { error in
            XCTAssertEqual(error as? GSM0338Error, .unpairedSurrogate(offset: 2))
        }
    }
}
