import XCTest
@testable import Analytics

final class MinuteSeriesTests: XCTestCase {
    func testUpdate_aNewerMinuteInTheSameSlot_resetsTheSlot() {
        var series = MinuteSeries(minutes: 3)
        series.update(at: Fixture.at(minute: 0)) { $0.requests += 5 }
        series.update(at: Fixture.at(minute: 3)) { $0.requests += 1 }

        let start = MinuteSeries.minute(of: Fixture.t0)
        XCTAssertEqual(series.tally(minute: start).requests, 0)
        XCTAssertEqual(series.tally(minute: start + 3).requests, 1)
    }

    func testUpdate_forAMinuteAlreadyScrolledOut_isDropped() {
        var series = MinuteSeries(minutes: 3)
        series.update(at: Fixture.at(minute: 3)) { $0.requests += 1 }
        series.update(at: Fixture.at(minute: 0)) { $0.requests += 100 }

        let start = MinuteSeries.minute(of: Fixture.t0)
        XCTAssertEqual(series.merged(from: start, through: start + 3).requests, 1)
    }

    func testMerged_sumsTheMinutesInRange() {
        var series = MinuteSeries(minutes: 5)
        for minute in 0..<5 {
            series.update(at: Fixture.at(minute: minute)) { $0.completed += minute }
        }

        let start = MinuteSeries.minute(of: Fixture.t0)
        XCTAssertEqual(series.merged(from: start + 1, through: start + 3).completed, 6)
    }
}
