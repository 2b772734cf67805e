import XCTest
@testable import PesaGate

/// The kannel.conf the SMPP benchmark writes: Kannel's window equals ours, its link points at our
/// simulator, and nothing collides with a system Kannel.
final class KannelConfigTests: XCTestCase {
    let config = KannelConfig(
        adminPort: 40001, smsboxPort: 40002, sendsmsPort: 40003, smscPort: 40004, systemID: "pesagate",
        password: "secret", window: 10, directory: "/tmp/bench-x")

    func lines(_ config: KannelConfig) -> [String] {
        config.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func testText_setsMaxPendingSubmitsToTheWindow() {
        var wide = config
        wide.window = 100
        XCTAssertTrue(lines(config).contains("max-pending-submits = 10"))
        XCTAssertTrue(lines(wide).contains("max-pending-submits = 100"))
    }

    func testText_bindsOneTransceiverLinkToTheSimulatorWithOurAccount() {
        let text = lines(config)
        XCTAssertEqual(text.filter { $0 == "group = smsc" }.count, 1)
        for expected in ["smsc = smpp", "host = 127.0.0.1", "port = 40004", "transceiver-mode = true",
                         "smsc-username = \"pesagate\"", "smsc-password = \"secret\"", "msg-id-type = 0x03"] {
            XCTAssertTrue(text.contains(expected), expected)
        }
    }

    func testText_keepsReceiptsInMemoryAndTheStoreInTheScratchFolder() {
        let text = lines(config)
        XCTAssertTrue(text.contains("dlr-storage = internal"))
        XCTAssertTrue(text.contains("store-location = \"/tmp/bench-x/kannel.store\""))
        XCTAssertTrue(text.contains("log-file = \"/tmp/bench-x/bearerbox.log\""))
    }

    func testText_usesItsOwnPorts_neverTheSystemKannelOnes() {
        let text = lines(config)
        for expected in ["admin-port = 40001", "smsbox-port = 40002", "bearerbox-port = 40002", "sendsms-port = 40003"] {
            XCTAssertTrue(text.contains(expected), expected)
        }
        XCTAssertFalse(config.text.contains("1300"), "no default Kannel port (13000, 13001, 13013)")
        XCTAssertFalse(config.text.contains("/etc/kannel"))
    }

    func testText_hasTheGroupsBothBoxesNeed() {
        let groups = lines(config).filter { $0.hasPrefix("group = ") }
        XCTAssertEqual(groups, ["group = core", "group = smsc", "group = smsbox", "group = sendsms-user"])
    }
}
