import Foundation
import XCTest
@testable import Analytics

/// Renders the page in headless Chromium against a served snapshot and reads the figures back from the
/// DOM, which proves the script runs, fetches `/api/dashboard` and fills the ids the lead's load test reads.
///
/// Set `ANALYTICS_SCREENSHOT=/path/to/file.png` to also keep a 1366×768 screenshot of the page.
final class DashboardPageBrowserTests: XCTestCase {
    private var server: Process?
    private var site: URL?

    override func tearDown() {
        server?.terminate()
        server?.waitUntilExit()
        if let site { try? FileManager.default.removeItem(at: site) }
        super.tearDown()
    }

    func testPage_inHeadlessChromium_showsTheSnapshotsFigures() throws {
        let now = Date()
        let snapshot = SampleTraffic.board(now: now).snapshot(now: now)

        let dom = try render(snapshot)

        let requests = snapshot.totals.requests
        XCTAssertGreaterThan(requests, 0, "sample traffic")
        XCTAssertEqual(text(of: "kpi-total-requests", in: dom), NumberFormatter.kenyan(requests))
        let success = try XCTUnwrap(snapshot.kpi(.transactionSuccessRate))
        XCTAssertEqual(text(of: "kpi-success-rate", in: dom), String(format: "%.2f%%", success.value ?? -1))
        XCTAssertTrue(dom.contains(#"id="tile-success-rate" data-status="\#(success.status.rawValue)""#))
        let decline = try XCTUnwrap(snapshot.kpi(.fraudDeclineRate)?.value)
        XCTAssertEqual(text(of: "kpi-fraud-decline-rate", in: dom), String(format: "%.2f%%", decline))
        XCTAssertEqual(text(of: "kpi-avg-latency", in: dom)?.hasSuffix(" ms"), true)
        XCTAssertEqual(text(of: "kpi-consumer-lag", in: dom), "1,450")
        XCTAssertNotEqual(text(of: "updated-at", in: dom), "—", "the page never rendered a snapshot")
        XCTAssertEqual(text(of: "connection", in: dom), "live", "the page could not fetch the snapshot")
        XCTAssertTrue(dom.contains(#"data-location="NAIROBI""#))
        XCTAssertTrue(dom.contains(#"id="validation-FRAUD""#))
        XCTAssertTrue(dom.contains("mpesa-core-cg"))
        XCTAssertTrue(dom.contains(#"data-total-requests="\#(snapshot.volume.map(\.requests).reduce(0, +))""#))

        if let path = ProcessInfo.processInfo.environment["ANALYTICS_SCREENSHOT"], !path.isEmpty {
            let shot = try ExternalTool.require("chromium").run(
                headless + ["--virtual-time-budget=3000", "--screenshot=\(path)", "--window-size=1366,768", address])
            XCTAssertEqual(shot.status, 0, shot.transcript)
        }
    }

    func testPage_inHeadlessChromium_whenIdle_showsNoDataRatherThanZeroPercent() throws {
        let snapshot = AnalyticsBoard().snapshot()

        let dom = try render(snapshot)

        XCTAssertEqual(text(of: "kpi-total-requests", in: dom), "0")
        XCTAssertEqual(text(of: "kpi-success-rate", in: dom), "—")
        XCTAssertTrue(dom.contains(#"id="tile-success-rate" data-status="no-data""#))
        XCTAssertEqual(text(of: "connection", in: dom), "live")
        XCTAssertTrue(dom.contains("no requests yet"))
        XCTAssertTrue(dom.contains("no lag reported yet"))
    }

    func testPage_inHeadlessChromium_whenTheSnapshotCannotBeFetched_saysOffline() throws {
        let dom = try render(nil)

        XCTAssertEqual(text(of: "connection", in: dom), "offline · retrying")
        XCTAssertEqual(text(of: "updated-at", in: dom), "—")
    }

    private var address = ""

    /// Serves the page (and `snapshot` at /api/dashboard, unless nil) and returns Chromium's DOM after the
    /// script has had a few polls.
    private func render(_ snapshot: DashboardSnapshot?) throws -> String {
        let chromium = try ExternalTool.require("chromium")
        address = try serve(snapshot, with: try ExternalTool.require("python3"))
        let result = try chromium.run(headless + ["--virtual-time-budget=3000", "--dump-dom", address])
        XCTAssertEqual(result.status, 0, result.transcript)
        return result.output
    }

    /// A fresh profile in the temporary site per test: two Chromiums sharing a profile would hand the
    /// page to the one already running.
    private var headless: [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--hide-scrollbars", "--user-data-dir=" + (site ?? FileManager.default.temporaryDirectory)
                .appendingPathComponent("chromium-profile").path,
        ]
    }

    /// Writes the page and the snapshot into a temporary site and serves it on a free loopback port.
    private func serve(_ snapshot: DashboardSnapshot?, with python: ExternalTool) throws -> String {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("analytics-site-\(UUID().uuidString)")
        self.site = site
        try FileManager.default.createDirectory(at: site.appendingPathComponent("api"), withIntermediateDirectories: true)
        try Data(DashboardPage.html.utf8).write(to: site.appendingPathComponent("index.html"))
        try snapshot?.jsonData().write(to: site.appendingPathComponent("api/dashboard"))
        let portFile = site.appendingPathComponent("port")
        let script = """
            import functools, http.server, sys
            handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            open(sys.argv[2] + ".tmp", "w").write(str(server.server_address[1]))
            __import__("os").rename(sys.argv[2] + ".tmp", sys.argv[2])
            server.serve_forever()
            """
        server = try python.start(["-c", script, site.path, portFile.path])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let port = try? String(contentsOf: portFile, encoding: .utf8), !port.isEmpty {
                return "http://127.0.0.1:\(port)/"
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("the test web server did not start")
        throw CocoaError(.fileNoSuchFile)
    }

    /// The text of the element with `id` in Chromium's serialised DOM (the ids of interest hold plain text).
    private func text(of id: String, in dom: String) -> String? {
        guard let start = dom.range(of: #"id="\#(id)""#),
              let open = dom[start.upperBound...].firstIndex(of: ">"),
              let close = dom[open...].range(of: "</")
        else { return nil }
        return String(dom[dom.index(after: open)..<close.lowerBound])
    }
}

extension NumberFormatter {
    /// Thousands grouped as the page's `Intl.NumberFormat("en-KE")` groups them: 1,234.
    static func kenyan(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        formatter.usesGroupingSeparator = true
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}
