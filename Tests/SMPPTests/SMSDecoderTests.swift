import SMPP
import XCTest

final class SMSDecoderTests: XCTestCase {
    func testDecode_udhWithOtherElementsFirst_findsTheConcatenationElement() throws {
        // UDH length 11: port addressing IE (0x05, length 4) then 8-bit concatenation IE.
        let octets: [UInt8] = [0x0B, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x00, 0x03, 0x2A, 0x02, 0x01, 0x48, 0x69]
        let content = try SMSDecoder().decode(shortMessage: octets, esmClass: .udhIndicator, dataCoding: .smscDefault, tlvs: [])
        XCTAssertEqual(content.segment, SMSSegment(reference: 0x2A, total: 2, number: 1))
        XCTAssertEqual(try content.text(), "Hi")
    }

    func testDecode_whenUDHLengthRunsPastTheMessage_throws() {
        XCTAssertThrowsError(
            try SMSDecoder().decode(shortMessage: [0x05, 0x00, 0x03], esmClass: .udhIndicator, dataCoding: .smscDefault, tlvs: [])
        ) { error in
            XCTAssertEqual(error as? SMSCodingError, .invalidUserDataHeader)
        }
    }

    func testDecode_binaryDataCoding_isRefusedAsText() {
        XCTAssertThrowsError(
            try SMSDecoder().decode(shortMessage: [0x01], esmClass: .default, dataCoding: .octetUnspecified, tlvs: [])
        ) { error in
            XCTAssertEqual(error as? SMSCodingError, .unsupportedDataCoding(0x02))
        }
    }

    func testDecode_latin1DataCoding_readsLatin1() throws {
        let content = try SMSDecoder().decode(shortMessage: [0x63, 0x61, 0x66, 0xE9], esmClass: .default, dataCoding: .latin1, tlvs: [])
        XCTAssertEqual(try content.text(), "café")
    }

    func testDecode_gsmWithLoneEscape_reportsInvalidText() {
        let content = SMSContent(dataCoding: .smscDefault, payload: [0x41, 0x1B], segment: nil)
        XCTAssertThrowsError(try content.text()) { error in
            XCTAssertEqual(error as? SMSCodingError, .invalidText(.loneEscape(offset: 1)))
        }
    }
}
