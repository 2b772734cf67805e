import GSM0338
import SMPP
import XCTest

final class SMSEncoderTests: XCTestCase {
    let seedText =
        "Confirmed. Ksh5,000.00 sent to 254711987654 on 2/9/24 at 2:30 PM. New balance is Ksh19,985.00. Transaction cost Ksh15.00."
    let kiswahili =
        "Imethibitishwa. Umepokea Ksh5,000.00 kutoka kwa JOHN DOE 254711987654 tarehe 2/9/24 saa 2:30 PM. "
        + "Salio lako jipya la M-PESA ni Ksh19,985.00. Gharama ya muamala ni Ksh0.00. Asante kwa kutumia M-PESA."

    /// Encodes, decodes every part and reassembles them in reverse order.
    func roundTrip(_ text: String, _ encoder: SMSEncoder, file: StaticString = #filePath, line: UInt = #line) throws -> EncodedSMS {
        let encoded = try encoder.encode(text, reference: 0x1234)
        let decoder = SMSDecoder(packing: encoder.packing)
        var reassembler = SMSReassembler<String>()
        var result: String?
        for part in encoded.parts.reversed() {
            var submit = SubmitSM(source: .alphanumeric("MPESA"), destination: .international("254700123456"))
            submit.setContent(part)
            // 140 octets on the air; unpacked septets take one octet each here, so up to 160.
            let limit = encoded.dataCoding == .smscDefault && encoder.packing == .unpacked ? 160 : 140
            XCTAssertLessThanOrEqual(submit.shortMessage.count, limit, "a part must fit one SMS", file: file, line: line)
            let content = try decoder.decode(submit)
            if let text = try reassembler.add(content, key: "254700123456") { result = text }
        }
        XCTAssertEqual(result, text, file: file, line: line)
        XCTAssertEqual(reassembler.pendingCount, 0, file: file, line: line)
        return encoded
    }

    func testEncode_seedConfirmation_isOneGSMMessage() throws {
        let encoded = try roundTrip(seedText, SMSEncoder())
        XCTAssertEqual(encoded.dataCoding, .smscDefault)
        XCTAssertEqual(encoded.parts.count, 1)
        XCTAssertFalse(encoded.parts[0].hasUDH)
        XCTAssertEqual(encoded.parts[0].shortMessage, Array(seedText.utf8), "plain ASCII text is its own septets")
    }

    func testEncode_160GSMCharacters_fitOneMessage_161_needTwo() throws {
        XCTAssertEqual(try SMSEncoder().encode(String(repeating: "a", count: 160), reference: 1).parts.count, 1)
        XCTAssertEqual(try SMSEncoder().encode(String(repeating: "a", count: 161), reference: 1).parts.count, 2)
    }

    func testEncode_70UCS2Characters_fitOneMessage_71_needTwo() throws {
        XCTAssertEqual(try SMSEncoder().encode(String(repeating: "ж", count: 70), reference: 1).parts.count, 1)
        XCTAssertEqual(try SMSEncoder().encode(String(repeating: "ж", count: 71), reference: 1).parts.count, 2)
    }

    func testEncode_extensionCharactersCountTwo_80EurosFit_81DoNot() throws {
        XCTAssertEqual(try SMSEncoder().encode(String(repeating: "€", count: 80), reference: 1).parts.count, 1)
        XCTAssertEqual(try SMSEncoder().encode(String(repeating: "€", count: 81), reference: 1).parts.count, 2)
    }

    func testEncode_kiswahili_splitsInGSMAndReassembles() throws {
        let encoded = try roundTrip(kiswahili, SMSEncoder())
        XCTAssertEqual(encoded.dataCoding, .smscDefault)
        XCTAssertEqual(encoded.parts.count, 2)
    }

    func testEncode_udh8_partsStartWithTheSpecHeader() throws {
        let encoded = try SMSEncoder(concatenation: .udh8).encode(kiswahili, reference: 0x1234)
        XCTAssertEqual(Array(encoded.parts[0].shortMessage.prefix(6)), [0x05, 0x00, 0x03, 0x34, 0x02, 0x01])
        XCTAssertEqual(Array(encoded.parts[1].shortMessage.prefix(6)), [0x05, 0x00, 0x03, 0x34, 0x02, 0x02])
        XCTAssertEqual(encoded.parts[0].shortMessage.count, 6 + 153, "a full first part holds 153 septets")
        XCTAssertTrue(encoded.parts.allSatisfy(\.hasUDH))
    }

    func testEncode_udh16_partsStartWithTheSpecHeaderAndHold152() throws {
        let encoded = try roundTrip(kiswahili, SMSEncoder(concatenation: .udh16))
        XCTAssertEqual(Array(encoded.parts[0].shortMessage.prefix(7)), [0x06, 0x08, 0x04, 0x12, 0x34, 0x02, 0x01])
        XCTAssertEqual(encoded.parts[0].shortMessage.count, 7 + 152)
    }

    func testEncode_sar_putsSegmentInTLVsAnd153PerPart() throws {
        let encoded = try roundTrip(kiswahili, SMSEncoder(concatenation: .sar))
        let first = encoded.parts[0]
        XCTAssertFalse(first.hasUDH)
        XCTAssertEqual(first.shortMessage.count, 153)
        XCTAssertEqual(first.tlvs.sarMessageReference, 0x1234)
        XCTAssertEqual(first.tlvs.sarTotalSegments, 2)
        XCTAssertEqual(first.tlvs.sarSegmentSequence, 1)
    }

    func testEncode_messagePayload_sendsOnePDUWithEverything() throws {
        let encoded = try roundTrip(kiswahili, SMSEncoder(concatenation: .messagePayload))
        XCTAssertEqual(encoded.parts.count, 1)
        XCTAssertEqual(encoded.parts[0].shortMessage, [])
        XCTAssertEqual(encoded.parts[0].tlvs.messagePayload, GSM7.encode(kiswahili))
    }

    func testEncode_messagePayload_shortTextStaysInShortMessage() throws {
        let encoded = try SMSEncoder(concatenation: .messagePayload).encode("Hi", reference: 1)
        XCTAssertEqual(encoded.parts[0].shortMessage, [0x48, 0x69])
        XCTAssertNil(encoded.parts[0].tlvs.messagePayload)
    }

    func testEncode_euroAndBrackets_neverSplitAnEscapePair() throws {
        // 152 septets, then € (2 septets) would straddle the 153 boundary: it must move whole.
        let text = String(repeating: "a", count: 152) + "€[x]" + String(repeating: "b", count: 40)
        for concatenation in [SMSEncoder.Concatenation.udh8, .udh16, .sar] {
            let encoded = try roundTrip(text, SMSEncoder(concatenation: concatenation))
            for part in encoded.parts {
                XCTAssertNotEqual(part.shortMessage.last, 0x1B, "\(concatenation): part ends inside an escape pair")
            }
        }
    }

    func testEncode_400CharacterText_splitsIntoThreeAndReassembles() throws {
        let sentence = "Ksh5,000.00 sent to 254711987654 [ref QX7] on 2/9/24. "
        let text = String(String(repeating: sentence, count: 8).prefix(400))
        XCTAssertEqual(text.count, 400)
        for concatenation in [SMSEncoder.Concatenation.udh8, .udh16, .sar, .messagePayload] {
            for packing in [SMSEncoder.GSMPacking.unpacked, .packed] {
                let encoded = try roundTrip(text, SMSEncoder(concatenation: concatenation, packing: packing))
                XCTAssertEqual(encoded.parts.count, concatenation == .messagePayload ? 1 : 3)
            }
        }
    }

    func testEncode_emojiText_isUCS2AndNeverSplitsASurrogatePair() throws {
        // 66 units, then 😀 (2 units) would straddle the 67 boundary.
        let text = String(repeating: "a", count: 66) + "😀 Asante! 👍🏽🇰🇪" + String(repeating: "z", count: 30)
        for concatenation in [SMSEncoder.Concatenation.udh8, .udh16, .sar, .messagePayload] {
            let encoded = try roundTrip(text, SMSEncoder(concatenation: concatenation))
            XCTAssertEqual(encoded.dataCoding, .ucs2)
            for part in encoded.parts {
                let body = part.hasUDH ? Array(part.shortMessage.dropFirst(Int(part.shortMessage[0]) + 1)) : part.shortMessage
                XCTAssertNoThrow(try UCS2.decode(body), "\(concatenation): a part does not decode alone")
            }
        }
    }

    func testEncode_ucs2Parts_hold67UnitsWith8BitUDH() throws {
        let encoded = try SMSEncoder().encode(String(repeating: "ж", count: 100), reference: 7)
        XCTAssertEqual(encoded.parts[0].shortMessage.count, 6 + 67 * 2)
    }

    func testEncode_transliteratePolicy_staysInGSM() throws {
        let encoded = try SMSEncoder(unicodePolicy: .transliterate).encode("“Asante” — Zoë", reference: 1)
        XCTAssertEqual(encoded.dataCoding, .smscDefault)
        XCTAssertEqual(encoded.text, "\"Asante\" - Zoe")
    }

    func testEncode_packedSingleMessage_matchesTheSpecPackingVector() throws {
        let encoded = try SMSEncoder(packing: .packed).encode("hellohello", reference: 1)
        XCTAssertEqual(encoded.parts[0].shortMessage, [0xE8, 0x32, 0x9B, 0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37])
    }

    func testEncode_packedWithUDH_startsTextAfterOneFillBit() throws {
        let encoded = try SMSEncoder(packing: .packed).encode(String(repeating: "a", count: 306) + "hello", reference: 1)
        guard encoded.parts.count == 3 else { return XCTFail("expected 3 parts, got \(encoded.parts.count)") }
        // Part 3: UDH, then "hello" shifted by one fill bit to the next septet boundary.
        XCTAssertEqual(encoded.parts[2].shortMessage, [0x05, 0x00, 0x03, 0x01, 0x03, 0x03, 0xD0, 0x65, 0x36, 0xFB, 0x0D])
    }

    func testEncode_packedSevenCharacters_padsWithCarriageReturnAndDecodesWithoutIt() throws {
        // 7 septets leave 7 zero bits that would read as "@": TS 23.038 pads with CR.
        let encoded = try SMSEncoder(packing: .packed).encode("abcdefg", reference: 1)
        XCTAssertEqual(encoded.parts[0].shortMessage, [0x61, 0xF1, 0x98, 0x5C, 0x36, 0x9F, 0x1B])
        XCTAssertEqual(try SMSDecoder(packing: .packed).decode(
            shortMessage: encoded.parts[0].shortMessage, esmClass: .default, dataCoding: .smscDefault, tlvs: []
        ).text(), "abcdefg")
    }

    func testEncode_whenMoreThan255PartsNeeded_throws() {
        let text = String(repeating: "a", count: 153 * 255 + 1)
        XCTAssertThrowsError(try SMSEncoder().encode(text, reference: 1)) { error in
            XCTAssertEqual(error as? SMSCodingError, .tooManyParts(256))
        }
    }

    func testSetContent_keepsOtherESMClassBitsAndTLVs() throws {
        var submit = SubmitSM(source: .alphanumeric("MPESA"), destination: .international("254700123456"))
        submit.esmClass = .storeAndForwardMode
        submit.tlvs.userMessageReference = 9
        let encoded = try SMSEncoder().encode(kiswahili, reference: 3)
        submit.setContent(encoded.parts[0])
        XCTAssertEqual(submit.esmClass.rawValue, 0x43)
        XCTAssertEqual(submit.tlvs.userMessageReference, 9)
    }
}
