import Foundation
import Logging
import XCTest
@testable import PesaGate

/// Log lines never carry a raw MSISDN, and JSON lines expose metadata such as `traceId` as fields.
final class LogLineTests: XCTestCase {
    let redactor = MSISDNRedactor()

    func testRedact_masksEveryFormOfASubscriberNumber() {
        XCTAssertEqual(redactor.redact("to 254700123456 now"), "to 2547******56 now")
        XCTAssertEqual(redactor.redact("from +254711987654"), "from 2547******54")
        XCTAssertEqual(redactor.redact("local 0700123456,"), "local 2547******56,")
        XCTAssertEqual(redactor.redact("airtel 254110000021"), "airtel 2541******21")
        XCTAssertEqual(redactor.redact(#"{"fromMsisdn":"254700123456"}"#), #"{"fromMsisdn":"2547******56"}"#)
    }

    func testRedact_leavesOtherNumbersAlone() {
        for text in ["TXN-20240902-001", "amount 5000", "till 123456", "offset 12254700123456789", "paybill 888880"] {
            XCTAssertEqual(redactor.redact(text), text)
        }
    }

    func testJSONLine_putsMetadataAtTheTopLevel() throws {
        let line = PesaGateLogHandler.jsonLine(
            time: "2024-09-02T14:30:00.000Z", level: .info, label: "pesagate", message: "payment confirmed",
            metadata: ["traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "transactionId": "TXN-20240902-001"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        XCTAssertEqual(object["traceId"], "4bf92f3577b34da6a3ce929d0e0e4736")
        XCTAssertEqual(object["message"], "payment confirmed")
        XCTAssertEqual(object["level"], "info")
    }

    func testTextLine_listsMetadataSortedBeforeTheMessage() {
        let line = PesaGateLogHandler.textLine(
            time: "T", level: .info, label: "pesagate", message: "SMS submitted", metadata: ["b": "2", "a": "1"])
        XCTAssertEqual(line, "T info pesagate : a=1 b=2 SMS submitted")
    }
}
