import Foundation
import Payments
import XCTest
@testable import Analytics

final class AnalyticsBoardLocationTests: XCTestCase {
    func testLocations_areRankedByRequests_withMissingOnesAsUnknown() {
        let board = Fixture.board()
        for number in 1...5 { board.record(request: Fixture.request(number, location: "NAIROBI"), at: Fixture.t0) }
        for number in 6...7 { board.record(request: Fixture.request(number, location: "MOMBASA"), at: Fixture.t0) }
        for number in 8...10 { board.record(request: Fixture.request(number, location: nil), at: Fixture.t0) }

        let locations = board.snapshot(now: Fixture.t0).locations

        XCTAssertEqual(locations.map(\.location), ["NAIROBI", "unknown", "MOMBASA"])
        XCTAssertEqual(locations.map(\.count), [5, 3, 2])
        XCTAssertEqual(locations.map(\.percent), [50, 30, 20])
    }

    func testLocations_areTrimmedAndUpperCased_soSpellingsOfOnePlaceAddUp() {
        let board = Fixture.board()
        board.record(request: Fixture.request(1, location: "Kisumu"), at: Fixture.t0)
        board.record(request: Fixture.request(2, location: " KISUMU "), at: Fixture.t0)
        board.record(request: Fixture.request(3, location: "   "), at: Fixture.t0)

        let locations = board.snapshot(now: Fixture.t0).locations

        XCTAssertEqual(locations.map(\.location), ["KISUMU", "unknown"])
        XCTAssertEqual(locations.first?.count, 2)
    }

    func testLocations_beyondTheTopN_areLumpedIntoOther() {
        let board = Fixture.board(AnalyticsConfiguration(topLocations: 2))
        let places = ["A", "A", "A", "B", "B", "C", "D"]
        for (index, place) in places.enumerated() {
            board.record(request: Fixture.request(index + 1, location: place), at: Fixture.t0)
        }

        let locations = board.snapshot(now: Fixture.t0).locations

        XCTAssertEqual(locations.map(\.location), ["A", "B", "other"])
        XCTAssertEqual(locations.map(\.count), [3, 2, 2])
    }

    func testLocations_pastTheLimitPerMinute_countAsOther_soMemoryStaysBounded() {
        let board = Fixture.board(AnalyticsConfiguration(topLocations: 10, maxLocationsPerMinute: 3))
        for number in 1...6 {
            board.record(request: Fixture.request(number, location: "PLACE\(number)"), at: Fixture.t0)
        }

        let locations = board.snapshot(now: Fixture.t0).locations

        XCTAssertEqual(locations.count, 4)
        XCTAssertEqual(locations.last?.location, "other")
        XCTAssertEqual(locations.last?.count, 3)
    }

    func testLocations_whenNoRequests_isEmpty() {
        XCTAssertEqual(Fixture.board().snapshot(now: Fixture.t0).locations, [])
    }
}
