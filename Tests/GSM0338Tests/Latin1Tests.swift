import XCTest
import GSM0338

final class Latin1Tests: XCTestCase {
    func testEncode_latin1Text_isOneOctetPerCharacter() {
        XCTAssertEqual(Latin1.encode("Aé£ÿ"), [0x41, 0xE9, 0xA3, 0xFF])
    }

    func testEncode_decomposedAccent_becomesPrecomposedOctet() {
        XCTAssertEqual(Latin1.encode("e\u{0301}"), [0xE9])
    }

    func testEncode_whenCharacterAboveFF_returnsNil() {
        XCTAssertNil(Latin1.encode("€"))
    }

    func testDecode_everyOctet_roundTrips() {
        let octets = (0...255).map { UInt8($0) }
        XCTAssertEqual(Latin1.encode(Latin1.decode(octets)), octets)
    }
}
