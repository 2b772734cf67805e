import Foundation
import Payments
import XCTest
@testable import Analytics

/// The JSON is the contract with the page's script: these tests pin the names the script reads.
final class DashboardSnapshotJSONTests: XCTestCase {
    private func json(_ snapshot: DashboardSnapshot) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: snapshot.jsonData())
        return try XCTUnwrap(object as? [String: Any])
    }

    func testJSON_hasTheTopLevelFieldsThePageReads() throws {
        let object = try json(Fixture.board().snapshot(now: Fixture.t0))

        for key in ["generatedAt", "startedAt", "historyMinutes", "rateWindowMinutes", "totals", "kpis", "volume",
                    "validation", "latency", "locations", "fraud", "consumerLag"] {
            XCTAssertNotNil(object[key], key)
        }
        XCTAssertEqual(object["generatedAt"] as? String, "2024-09-02T14:30:00Z")
    }

    func testJSON_kpisCarryNameValueStatusAndTheSeedsSpellings() throws {
        let board = Fixture.board()
        board.record(confirmation: Fixture.confirmation(1), at: Fixture.t0)
        let kpis = try XCTUnwrap(json(board.snapshot(now: Fixture.t0))["kpis"] as? [[String: Any]])
        let success = try XCTUnwrap(kpis.first)

        XCTAssertEqual(success["name"] as? String, "transaction-success-rate")
        XCTAssertEqual(success["value"] as? Double, 100)
        XCTAssertEqual(success["status"] as? String, "ok")
        XCTAssertEqual(success["targetText"] as? String, "> 99.5%")
        XCTAssertEqual(success["alertText"] as? String, "< 99.0%")
    }

    func testJSON_aFigureWithNothingToMeasure_isAbsent_notZero() throws {
        let kpis = try XCTUnwrap(json(Fixture.board().snapshot(now: Fixture.t0))["kpis"] as? [[String: Any]])

        XCTAssertNil(kpis[0]["value"])
        XCTAssertEqual(kpis[0]["status"] as? String, "no-data")
    }

    func testJSON_roundTripsToAnEqualSnapshot() throws {
        let snapshot = SampleTraffic.board(now: Fixture.at(minute: 30)).snapshot(now: Fixture.at(minute: 30))

        let decoded = try DashboardSnapshot.decode(from: snapshot.jsonData())

        XCTAssertEqual(decoded, snapshot)
    }
}
