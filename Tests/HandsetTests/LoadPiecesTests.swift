import HandsetKit
import XCTest

final class LoadPiecesTests: XCTestCase {
    func testPercentile_usesTheNearestRank() {
        let summary = LatencySummary((1...100).map { Duration.milliseconds($0) }.shuffled())
        XCTAssertEqual(summary.percentile(50), .milliseconds(50))
        XCTAssertEqual(summary.percentile(95), .milliseconds(95))
        XCTAssertEqual(summary.percentile(99), .milliseconds(99))
        XCTAssertEqual(summary.percentile(100), .milliseconds(100))
    }

    func testPercentile_whenThereAreNoSamples_isNil() {
        XCTAssertNil(LatencySummary().percentile(50))
    }

    func testFaults_parseNamedProbabilities() throws {
        let faults = try LoadFaults(parsing: "abandon=0.1,star=0.05")
        XCTAssertEqual(faults.abandon, 0.1)
        XCTAssertEqual(faults.star, 0.05)
        XCTAssertEqual(faults.late, 0)
    }

    func testFaults_whenANameIsUnknown_sayWhichAreKnown() {
        XCTAssertThrowsError(try LoadFaults(parsing: "abandn=0.1")) { error in
            XCTAssertEqual("\(error)", "unknown fault `abandn` (known: abandon, late, star)")
        }
    }

    func testReport_countsFaultFreeCompletionsApart() {
        var report = LoadReport(elapsed: .seconds(10))
        report.completed = 99
        report.failures = ["expect-sms": 1]
        report.faulted = 20
        report.started = 120
        XCTAssertEqual(report.sessions, 120)
        XCTAssertEqual(report.unaccounted, 0)
        XCTAssertEqual(report.sessionsPerSecond, 12)
        XCTAssertEqual(report.completedShare, 99)
        XCTAssertTrue(report.text.contains("completed 99 (99.00 % of fault-free)"), report.text)
    }

    func testGatewayAddress_readsHostPortAndPath_andPutsEventsNextToIt() {
        let address = GatewayAddress(url: "http://127.0.0.1:8080/ussd")
        XCTAssertEqual(address, GatewayAddress(host: "127.0.0.1", port: 8080, path: "/ussd"))
        XCTAssertEqual(address?.eventsPath, "/ussd/events")
        XCTAssertNil(GatewayAddress(url: "https://example.com/ussd"), "only plain http is spoken")
        XCTAssertNil(GatewayAddress(url: "http://host:99999/"))
    }

    func testFormEncoding_escapesThePlusOfAPhoneNumber() {
        XCTAssertEqual(FormEncoding.encode([("phoneNumber", "+254700123456"), ("text", "1*2 3")]),
                       "phoneNumber=%2B254700123456&text=1*2+3")
    }

    func testSubscriberLine_normalisesLocalAndPlusForms() {
        XCTAssertEqual(SubscriberLine(msisdn: "0711987654").msisdn, "254711987654")
        XCTAssertEqual(SubscriberLine(msisdn: "+254711987654").phoneNumber, "+254711987654")
    }

    func testSMSCAddress_parsesHostColonPort() {
        XCTAssertEqual(SMSReceiverConfiguration.parseAddress("127.0.0.1:2775\n")?.port, 2775)
        XCTAssertNil(SMSReceiverConfiguration.parseAddress("nonsense"))
    }
}
