import SMPP
import XCTest

final class SMSReassemblerTests: XCTestCase {
    func part(_ text: String, reference: UInt16, total: UInt8, number: UInt8) -> SMSContent {
        SMSContent(dataCoding: .smscDefault, payload: Array(text.utf8), segment: SMSSegment(reference: reference, total: total, number: number))
    }

    func testAdd_partsOutOfOrder_returnTextOnlyWhenTheLastArrives() throws {
        var reassembler = SMSReassembler<String>()
        XCTAssertNil(try reassembler.add(part("c", reference: 1, total: 3, number: 3), key: "A"))
        XCTAssertNil(try reassembler.add(part("a", reference: 1, total: 3, number: 1), key: "A"))
        XCTAssertEqual(try reassembler.add(part("b", reference: 1, total: 3, number: 2), key: "A"), "abc")
        XCTAssertEqual(reassembler.pendingCount, 0)
    }

    func testAdd_sameReferenceFromTwoSenders_keepsThemApart() throws {
        var reassembler = SMSReassembler<String>()
        XCTAssertNil(try reassembler.add(part("x", reference: 5, total: 2, number: 1), key: "A"))
        XCTAssertNil(try reassembler.add(part("1", reference: 5, total: 2, number: 1), key: "B"))
        XCTAssertEqual(try reassembler.add(part("y", reference: 5, total: 2, number: 2), key: "A"), "xy")
        XCTAssertEqual(reassembler.pendingCount, 1)
    }

    func testAdd_duplicatePart_doesNotCompleteEarly() throws {
        var reassembler = SMSReassembler<String>()
        XCTAssertNil(try reassembler.add(part("a", reference: 1, total: 2, number: 1), key: "A"))
        XCTAssertNil(try reassembler.add(part("a", reference: 1, total: 2, number: 1), key: "A"))
        XCTAssertEqual(try reassembler.add(part("b", reference: 1, total: 2, number: 2), key: "A"), "ab")
    }

    func testAdd_surrogatePairCutBetweenPartsBySender_isStillReadCorrectly() throws {
        // A buggy sender cut 😀 (D83D DE00) between two UCS-2 parts; joining before decoding heals it.
        var reassembler = SMSReassembler<Int>()
        let first = SMSContent(dataCoding: .ucs2, payload: [0x00, 0x41, 0xD8, 0x3D], segment: SMSSegment(reference: 9, total: 2, number: 1))
        let second = SMSContent(dataCoding: .ucs2, payload: [0xDE, 0x00], segment: SMSSegment(reference: 9, total: 2, number: 2))
        XCTAssertNil(try reassembler.add(first, key: 1))
        XCTAssertEqual(try reassembler.add(second, key: 1), "A😀")
    }

    func testAdd_partNumberAboveTotal_throws() {
        var reassembler = SMSReassembler<String>()
        XCTAssertThrowsError(try reassembler.add(part("a", reference: 1, total: 2, number: 3), key: "A")) { error in
            XCTAssertEqual(error as? SMSCodingError, .invalidSegment(number: 3, total: 2))
        }
    }

    func testDiscard_dropsIncompleteMessagesOfThatKey() throws {
        var reassembler = SMSReassembler<String>()
        _ = try reassembler.add(part("a", reference: 1, total: 2, number: 1), key: "A")
        _ = try reassembler.add(part("a", reference: 1, total: 2, number: 1), key: "B")
        reassembler.discard { $0 == "A" }
        XCTAssertEqual(reassembler.pendingCount, 1)
    }

    func testAdd_unsegmentedMessage_returnsAtOnce() throws {
        var reassembler = SMSReassembler<String>()
        let whole = SMSContent(dataCoding: .smscDefault, payload: [0x48, 0x69], segment: nil)
        XCTAssertEqual(try reassembler.add(whole, key: "A"), "Hi")
    }
}
