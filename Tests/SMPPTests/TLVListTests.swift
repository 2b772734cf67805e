import SMPP
import XCTest

final class TLVListTests: XCTestCase {
    func testTags_haveTheSpecValues() {
        XCTAssertEqual(TLVTag.messagePayload.rawValue, 0x0424)
        XCTAssertEqual(TLVTag.sarMessageReference.rawValue, 0x020C)
        XCTAssertEqual(TLVTag.sarTotalSegments.rawValue, 0x020E)
        XCTAssertEqual(TLVTag.sarSegmentSequence.rawValue, 0x020F)
        XCTAssertEqual(TLVTag.receiptedMessageID.rawValue, 0x001E)
        XCTAssertEqual(TLVTag.messageState.rawValue, 0x0427)
        XCTAssertEqual(TLVTag.networkErrorCode.rawValue, 0x0423)
        XCTAssertEqual(TLVTag.userMessageReference.rawValue, 0x0204)
        XCTAssertEqual(TLVTag.ussdServiceOp.rawValue, 0x0501)
        XCTAssertEqual(TLVTag.itsSessionInfo.rawValue, 0x1383)
    }

    func testTypedSetters_writeBigEndianValues() {
        var list = TLVList()
        list.sarMessageReference = 0x1234
        list.networkErrorCode = NetworkErrorCode(networkType: NetworkErrorCode.gsm, errorCode: 0x0102)
        list.itsSessionInfo = ITSSessionInfo(sessionNumber: 7, sequenceNumber: 3, endOfSession: true)
        XCTAssertEqual(list[.sarMessageReference], [0x12, 0x34])
        XCTAssertEqual(list[.networkErrorCode], [0x03, 0x01, 0x02])
        XCTAssertEqual(list[.itsSessionInfo], [0x07, 0x07])
    }

    func testSettingNil_removesTheTLVAndSettingAgain_replacesInPlace() {
        var list: TLVList = [TLV(tag: .ussdServiceOp, value: [0x02]), TLV(tag: .userMessageReference, value: [0, 1])]
        list.ussdServiceOp = .ussrConfirm
        XCTAssertEqual(list.entries.first, TLV(tag: .ussdServiceOp, value: [18]))
        list.ussdServiceOp = nil
        XCTAssertEqual(list.entries, [TLV(tag: .userMessageReference, value: [0, 1])])
    }

    func testReceiptedMessageID_readsWithOrWithoutNUL() {
        XCTAssertEqual(TLVList([TLV(tag: .receiptedMessageID, value: [0x41, 0x42, 0x00])]).receiptedMessageID, "AB")
        XCTAssertEqual(TLVList([TLV(tag: .receiptedMessageID, value: [0x41, 0x42])]).receiptedMessageID, "AB")
    }

    func testITSSessionInfo_vendorDialogID_usesTheUpper15Bits() {
        let info = ITSSessionInfo(rawValue: 0x8001)
        XCTAssertTrue(info.endOfSession)
        XCTAssertEqual(info.dialogID, 0x4000)
    }
}
