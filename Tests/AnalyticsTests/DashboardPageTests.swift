import XCTest
@testable import Analytics

final class DashboardPageTests: XCTestCase {
    private let html = DashboardPage.html

    func testPage_isOneHTMLDocument() {
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("</html>"))
        XCTAssertEqual(html.components(separatedBy: "<script>").count - 1, 1)
        XCTAssertEqual(html.components(separatedBy: "<style>").count - 1, 1)
    }

    func testPage_loadsNothingFromElsewhere() {
        // No CDN, no web fonts, no external scripts or stylesheets: the page must work offline.
        for forbidden in ["src=", "href=", "@import", "url(", "https://", "//cdn"] {
            XCTAssertFalse(html.contains(forbidden), "page references an external asset via \(forbidden)")
        }
        // The only URL is the SVG namespace, which is an identifier, not a download.
        XCTAssertEqual(html.components(separatedBy: "http://").count - 1, 1)
        XCTAssertTrue(html.contains("http://www.w3.org/2000/svg"))
    }

    func testPage_pollsTheSnapshotEndpointEverySecond() {
        XCTAssertEqual(DashboardPage.snapshotPath, "/api/dashboard")
        XCTAssertTrue(html.contains(#"const SNAPSHOT_PATH = "/api/dashboard";"#))
        XCTAssertTrue(html.contains("const REFRESH_MS = 1000;"))
        XCTAssertTrue(html.contains("setTimeout(refresh, REFRESH_MS)"))
    }

    func testPage_hasTheStableIDsThatBrowserTestsRead() {
        for id in ["kpi-total-requests", "kpi-success-rate", "kpi-fraud-decline-rate", "kpi-avg-latency",
                   "kpi-consumer-lag", "updated-at", "volume-chart", "validation-rows", "location-rows", "lag-rows",
                   "fraud-declined", "fraud-blocked", "fraud-within-target"] {
            XCTAssertTrue(html.contains(#"id="\#(id)""#), id)
        }
    }

    func testPage_neverInsertsDataAsMarkup() {
        // Locations come from outside; text must go in through textContent only.
        XCTAssertFalse(html.contains("innerHTML"))
        XCTAssertFalse(html.contains("outerHTML"))
        XCTAssertFalse(html.contains("insertAdjacentHTML"))
        XCTAssertFalse(html.contains("document.write"))
    }
}
