import SMPP
import XCTest

final class CommandStatusTests: XCTestCase {
    func testKnownCodes_haveTheSpecValues() {
        let expected: [(CommandStatus, UInt32)] = [
            (.ok, 0x00), (.invalidMessageLength, 0x01), (.invalidCommandLength, 0x02), (.invalidCommandID, 0x03),
            (.invalidBindStatus, 0x04), (.alreadyBound, 0x05), (.systemError, 0x08), (.invalidSourceAddress, 0x0A),
            (.invalidDestinationAddress, 0x0B), (.invalidMessageID, 0x0C), (.bindFailed, 0x0D), (.invalidPassword, 0x0E),
            (.invalidSystemID, 0x0F), (.messageQueueFull, 0x14), (.throttled, 0x58), (.temporaryApplicationError, 0x64),
        ]
        for (status, value) in expected { XCTAssertEqual(status.rawValue, value, status.name) }
    }

    func testIsTemporary_onlyForQueueFullThrottledTemporaryAppErrorAndSystemError() {
        XCTAssertTrue(CommandStatus.messageQueueFull.isTemporary)
        XCTAssertTrue(CommandStatus.throttled.isTemporary)
        XCTAssertTrue(CommandStatus.temporaryApplicationError.isTemporary)
        XCTAssertTrue(CommandStatus.systemError.isTemporary)
        XCTAssertFalse(CommandStatus.invalidDestinationAddress.isTemporary)
        XCTAssertFalse(CommandStatus.invalidSourceAddress.isTemporary)
        XCTAssertFalse(CommandStatus.ok.isTemporary)
        XCTAssertFalse(CommandStatus(0x0400).isTemporary, "vendor codes are rejections unless configured otherwise")
    }

    func testAsksToSlowDown_forThrottledAndQueueFullOnly() {
        XCTAssertTrue(CommandStatus.throttled.asksToSlowDown)
        XCTAssertTrue(CommandStatus.messageQueueFull.asksToSlowDown)
        XCTAssertFalse(CommandStatus.systemError.asksToSlowDown)
    }

    func testName_isTheSpecConstantOrHex() {
        XCTAssertEqual(CommandStatus.throttled.name, "ESME_RTHROTTLED")
        XCTAssertEqual(CommandStatus.temporaryApplicationError.description, "ESME_RX_T_APPN")
        XCTAssertEqual(CommandStatus(0x0401).name, "0x401")
    }
}
