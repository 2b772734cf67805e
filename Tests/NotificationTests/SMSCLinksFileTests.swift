import Foundation
import SMPP
import Services
import XCTest

/// The SMSC links file: every key a link may set, defaults from the smpp.* settings, secrets from the
/// environment, and each mistake refused with file:line.
final class SMSCLinksFileTests: XCTestCase {
    let defaults = SMSCLinksFile.Defaults(systemID: "pesagate", password: "from-settings", window: 10)

    func parse(_ yaml: String, environment: [String: String] = [:]) throws -> SMSCLinksFile {
        try SMSCLinksFile.parse(yaml, path: "links.yaml", defaults: defaults, environment: environment)
    }

    func failure(_ yaml: String, environment: [String: String] = [:]) -> String {
        do {
            _ = try parse(yaml, environment: environment)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testShippedExample_loadsThreeLinksWithTheirSettings() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let path = here.appendingPathComponent("../../config/smsc-links.example.yaml").standardized.path
        let file = try SMSCLinksFile.load(path: path, defaults: defaults, environment: [
            "PESAGATE_SMSC_A_PASSWORD": "a-secret", "PESAGATE_SMSC_B_PASSWORD": "b-secret", "PESAGATE_SMSC_AGG_PASSWORD": "c",
        ])
        XCTAssertEqual(file.links.map(\.name), ["safaricom-a", "safaricom-b", "aggregator"])
        XCTAssertEqual(file.failoverAfter, .seconds(5))
        let a = file.links[0].esme
        XCTAssertEqual([a.host, "\(a.port)", a.systemID, a.password], ["10.20.0.11", "2775", "pesagate", "a-secret"])
        XCTAssertEqual(a.partsPerSecond, 100)
        XCTAssertEqual(file.links[0].prefixes, ["25470", "25471", "25472", "25479"])
        let aggregator = file.links[2]
        XCTAssertEqual(aggregator.prefixes, [])
        XCTAssertEqual(aggregator.esme.windowSize, 50)
        XCTAssertEqual(aggregator.esme.messageIDBase, .decimal)
        XCTAssertEqual(aggregator.esme.encoder.concatenation, .sar)
        XCTAssertEqual(file.links[1].esme.windowSize, 10, "from the smpp.window setting")
    }

    func testLink_withoutCredentials_takesTheSettings() throws {
        let file = try parse("links:\n  - name: one\n    smsc: localhost:2775\n")
        XCTAssertEqual(file.links[0].esme.systemID, "pesagate")
        XCTAssertEqual(file.links[0].esme.password, "from-settings")
    }

    func testUnknownKey_isRefusedWithItsLine() {
        XCTAssertEqual(failure("links:\n  - name: one\n    smsc: localhost:2775\n    windw: 5\n").prefix(31),
                       "links.yaml:4: unknown link key ")
    }

    func testBadAddress_missingPasswordVariable_badPrefix_badNumber_areRefusedWithTheirLines() {
        XCTAssertEqual(failure("links:\n  - name: one\n    smsc: localhost\n"),
                       "links.yaml:3: link one: smsc must be HOST:PORT, got localhost")
        XCTAssertEqual(failure("links:\n  - name: one\n    smsc: h:1\n    passwordEnv: NOPE\n"),
                       "links.yaml:4: link one: environment variable NOPE is not set")
        XCTAssertEqual(failure("links:\n  - name: one\n    smsc: h:1\n    prefixes: [\"+2547\"]\n"),
                       "links.yaml:4: link one: prefix must be digits, e.g. \"25471\" (quote it)")
        XCTAssertEqual(failure("links:\n  - name: one\n    smsc: h:1\n    window: 0\n"),
                       "links.yaml:4: window must be a number in 1.0...10000.0")
        XCTAssertEqual(failure("links:\n  - name: one\n    smsc: h:1\n    concatenation: smoke\n"),
                       "links.yaml:4: concatenation must be one of udh8, udh16, sar, messagePayload")
    }

    func testDuplicateNames_andAnEmptyList_areRefused() {
        XCTAssertEqual(failure("links:\n  - name: a\n    smsc: h:1\n  - name: a\n    smsc: h:2\n"),
                       "links.yaml:2: two SMSC links are named a")
        XCTAssertEqual(failure("links: []\n"), "links.yaml:1: links must be a non-empty list")
        XCTAssertEqual(failure("failoverAfterSeconds: 3\n"), "links.yaml:1: no `links:` list")
    }
}
