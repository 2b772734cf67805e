import XCTest
import GSM0338

final class GSM7PackingTests: XCTestCase {
    func testPack_hellohello_matchesSpecVector() throws {
        let septets = try XCTUnwrap(GSM7.encode("hellohello"))
        XCTAssertEqual(GSM7.pack(septets), [0xE8, 0x32, 0x9B, 0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37])
    }

    func testPack_eightSeptets_fillSevenOctets() {
        // "abcdefgh": 8 × 7 bits = 56 bits = exactly 7 octets, nothing spare.
        let packed = GSM7.pack([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68])
        XCTAssertEqual(packed, [0x61, 0xF1, 0x98, 0x5C, 0x36, 0x9F, 0xD1])
    }

    func testPack_singleSeptet_isOneOctet() {
        XCTAssertEqual(GSM7.pack([0x41]), [0x41])
        XCTAssertEqual(GSM7.pack([]), [])
    }

    func testUnpack_hellohello_recoversSeptets() throws {
        let octets: [UInt8] = [0xE8, 0x32, 0x9B, 0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37]
        XCTAssertEqual(try GSM7.decode(GSM7.unpack(octets, septetCount: 10)), "hellohello")
    }

    func testPackUnpack_everyLengthUpTo160_roundTrips() {
        for length in 0...160 {
            let septets = (0..<length).map { UInt8(($0 * 37 + 11) % 128) }
            XCTAssertEqual(GSM7.unpack(GSM7.pack(septets), septetCount: length), septets, "length \(length)")
        }
    }

    func testUnpack_whenOctetsRunOut_returnsWhatFits() {
        // Asking for more septets than the data holds must not trap: this comes off the wire.
        XCTAssertEqual(GSM7.unpack([0xE8, 0x32], septetCount: 10).count, 2)
        XCTAssertEqual(GSM7.unpack([], septetCount: 5), [])
        XCTAssertEqual(GSM7.unpack([0x41], septetCount: -1), [])
    }
}
