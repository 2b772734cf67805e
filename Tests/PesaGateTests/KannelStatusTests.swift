import XCTest
@testable import PesaGate

/// Reading bearerbox's status page: the benchmark starts only once its SMPP link is online.
final class KannelStatusTests: XCTestCase {
    func page(_ state: String, id: String = "smsc-sim") -> String {
        """
        Kannel bearerbox version `1.4.5'.
        Status: running, uptime 0d 0h 0m 3s

        SMS: received 0 (0 queued), sent 0 (1 queued), store size 0

        Box connections:
            smsbox:(none), IP 127.0.0.1 (0 queued), (on-line 0d 0h 0m 2s)

        SMSC connections:
            \(id)[\(id)]    SMPP:127.0.0.1:40004/40004:pesagate:VMA (\(state), rcvd: sms 0 (0.00,0.00,0.00) / dlr 0 (0.00,0.00,0.00), sent: sms 0 (0.00,0.00,0.00) / dlr 0 (0.00,0.00,0.00), failed 0, queued 0 msgs)

        """
    }

    func testIsOnline_whenTheLinkSaysOnline_isTrue() {
        XCTAssertTrue(KannelStatus.isOnline(page("online 3s"), smscID: "smsc-sim"))
    }

    func testIsOnline_whileConnecting_isFalse() {
        XCTAssertFalse(KannelStatus.isOnline(page("re-connecting"), smscID: "smsc-sim"))
        XCTAssertFalse(KannelStatus.isOnline(page("connecting"), smscID: "smsc-sim"))
    }

    func testIsOnline_forAnotherLinkOrAnEmptyPage_isFalse() {
        XCTAssertFalse(KannelStatus.isOnline(page("online 3s", id: "other"), smscID: "smsc-sim"))
        XCTAssertFalse(KannelStatus.isOnline("", smscID: "smsc-sim"))
    }
}
