import Services
import XCTest

/// Which SMSC link carries a message to a number: longest matching prefix first, catch-all links
/// after, ties in configured order; a link that is down is passed over while another candidate is up.
final class SMSCRoutingTableTests: XCTestCase {
    let table = try! SMSCRoutingTable(links: [
        .init(name: "aggregator", prefixes: []),
        .init(name: "safaricom-a", prefixes: ["2547"]),
        .init(name: "safaricom-b", prefixes: ["2547"]),
        .init(name: "airtel", prefixes: ["25473", "25478"]),
    ])

    func testCandidates_longestPrefixFirst_thenEqualClaimsInConfiguredOrder_thenCatchAll() {
        XCTAssertEqual(table.candidates(for: "254733000111"), [3, 1, 2, 0])
        XCTAssertEqual(table.candidates(for: "254711987654"), [1, 2, 0])
        XCTAssertEqual(table.candidates(for: "256700000000"), [0], "only the catch-all serves Uganda")
    }

    func testRoute_skipsLinksThatAreDown() {
        XCTAssertEqual(table.route(for: "254711987654", isUp: { _ in true }), 1)
        XCTAssertEqual(table.route(for: "254711987654", isUp: { $0 != 1 }), 2)
        XCTAssertEqual(table.route(for: "254711987654", isUp: { $0 == 0 }), 0)
    }

    func testRoute_whenEveryCandidateIsDown_staysOnTheBestOneSoItsQueueWaits() {
        XCTAssertEqual(table.route(for: "254711987654", isUp: { _ in false }), 1)
    }

    func testRoute_whenNoLinkServesTheNumber_isNil() throws {
        let kenyaOnly = try SMSCRoutingTable(links: [.init(name: "ke", prefixes: ["254"])])
        XCTAssertNil(kenyaOnly.route(for: "256700000000", isUp: { _ in true }))
    }

    func testTable_refusesNoLinks_duplicateNames_andPrefixesThatAreNotDigits() {
        XCTAssertThrowsError(try SMSCRoutingTable(links: [])) { XCTAssertEqual($0 as? SMSCRoutingError, .noLinks) }
        XCTAssertThrowsError(try SMSCRoutingTable(links: [.init(name: "a", prefixes: []), .init(name: "a", prefixes: [])])) {
            XCTAssertEqual($0 as? SMSCRoutingError, .duplicateName("a"))
        }
        XCTAssertThrowsError(try SMSCRoutingTable(links: [.init(name: "a", prefixes: ["+254"])])) {
            XCTAssertEqual($0 as? SMSCRoutingError, .badPrefix(link: "a", prefix: "+254"))
        }
    }
}
