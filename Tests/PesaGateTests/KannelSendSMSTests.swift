import Payments
import XCTest
@testable import PesaGate

/// The sendsms request for one benchmark message: every field survives Kannel's query parsing and
/// the callback URL comes back to the benchmark with the message's reference.
final class KannelSendSMSTests: XCTestCase {
    let config = KannelConfig(
        adminPort: 1, smsboxPort: 2, sendsmsPort: 3, smscPort: 4, systemID: "pesagate", password: "secret", window: 1,
        directory: "/tmp")

    /// The query's fields, decoded the way a CGI parser does.
    func fields(_ uri: String) throws -> [String: String] {
        let query = try XCTUnwrap(uri.split(separator: "?", maxSplits: 1).last)
        var fields: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            fields[String(parts[0])] = String(parts[1]).removingPercentEncoding
        }
        return fields
    }

    func testURI_carriesTheMessageAndAsksForFinalReceipts() throws {
        let message = try SMPPBenchMessage.batch(count: 1)[0]
        let uri = KannelSendSMS.uri(for: message, config: config, callbackPort: 9)
        XCTAssertTrue(uri.hasPrefix("/cgi-bin/sendsms?"))
        let fields = try fields(uri)
        XCTAssertEqual(fields["username"], "bench")
        XCTAssertEqual(fields["from"], "MPESA")
        XCTAssertEqual(fields["to"], message.msisdn.value)
        XCTAssertEqual(fields["text"], message.text)
        XCTAssertEqual(fields["dlr-mask"], "3")
        XCTAssertEqual(fields["charset"], "UTF-8")
        XCTAssertNil(fields["coding"], "a GSM text goes in Kannel's default 7-bit alphabet")
    }

    func testURI_forATextOurESMESendsAsUCS2_asksKannelForUCS2Too() throws {
        let message = try SMPPBenchMessage.batch(count: 1, text: "Asante sana 😊")[0]
        XCTAssertEqual(try fields(KannelSendSMS.uri(for: message, config: config, callbackPort: 9))["coding"], "2")
        XCTAssertNil(KannelSendSMS.coding(for: "Ksh5,000.00 € [ok]"), "€ [ ] are in the GSM extension table")
    }

    func testURI_encodesTheCallbackOnce_soKannelFillsInTheReportType() throws {
        let message = try SMPPBenchMessage.batch(count: 1)[0]
        let uri = KannelSendSMS.uri(for: message, reference: "w10-TXN-1", config: config, callbackPort: 9)
        XCTAssertTrue(uri.contains("dlr-url=http%3A%2F%2F127.0.0.1%3A9%2Fdlr%3Fref%3Dw10-TXN-1%26type%3D%25d"), uri)
        let callback = try XCTUnwrap(fields(uri)["dlr-url"])
        // Kannel expands every %-escape in the callback; the only one left in it must be %d.
        XCTAssertEqual(callback, "http://127.0.0.1:9/dlr?ref=w10-TXN-1&type=%d")
        let query = String(callback.replacingOccurrences(of: "%d", with: "1").split(separator: "?")[1])
        XCTAssertEqual(DLRCallback(query: query)?.reference, "w10-TXN-1")
    }

    func testEncode_escapesEverySeparatorAndNonASCII() {
        XCTAssertEqual(KannelSendSMS.encode("a b&c=d+e%f"), "a%20b%26c%3Dd%2Be%25f")
        XCTAssertEqual(KannelSendSMS.encode("Ksh5,000.00 €"), "Ksh5%2C000.00%20%E2%82%AC")
        XCTAssertEqual(KannelSendSMS.encode("A-z_0.9~"), "A-z_0.9~")
    }
}
