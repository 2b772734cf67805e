import Foundation
import XCTest
@testable import Analytics

final class RecentIDsTests: XCTestCase {
    func testInsert_refusesAnIDAlreadyRemembered_andKeepsTheFirstValue() {
        var ids = RecentIDs<Int>()

        XCTAssertTrue(ids.insert(Fixture.id(1), 10, at: Fixture.t0))
        XCTAssertFalse(ids.insert(Fixture.id(1), 20, at: Fixture.t0))
        XCTAssertEqual(ids.value(for: Fixture.id(1)), 10)
        XCTAssertEqual(ids.count, 1)
    }

    func testForget_dropsOnlyIDsRememberedBeforeTheCutoff() {
        var ids = RecentIDs<Int>()
        _ = ids.insert(Fixture.id(1), 1, at: Fixture.at(minute: 0))
        _ = ids.insert(Fixture.id(2), 2, at: Fixture.at(minute: 5))

        ids.forget(before: Fixture.at(minute: 1))

        XCTAssertNil(ids.value(for: Fixture.id(1)))
        XCTAssertEqual(ids.value(for: Fixture.id(2)), 2)
    }

    func testForget_whenAnIDWasForgottenAndSeenAgain_keepsTheNewerSighting() {
        var ids = RecentIDs<Int>()
        _ = ids.insert(Fixture.id(1), 1, at: Fixture.at(minute: 0))
        ids.forget(before: Fixture.at(minute: 1))
        _ = ids.insert(Fixture.id(1), 2, at: Fixture.at(minute: 2))

        ids.forget(before: Fixture.at(minute: 1))

        XCTAssertEqual(ids.value(for: Fixture.id(1)), 2)
    }

    func testForget_afterManyIDs_leavesNothingBehind() {
        var ids = RecentIDs<Int>()
        for number in 1...3000 {
            _ = ids.insert(Fixture.id(number), number, at: Fixture.at(minute: 0, second: Double(number) / 100))
        }

        ids.forget(before: Fixture.at(minute: 0, second: 20.005))
        XCTAssertEqual(ids.count, 1000)
        ids.forget(before: Fixture.at(minute: 1))
        XCTAssertEqual(ids.count, 0)
        XCTAssertTrue(ids.insert(Fixture.id(1), 1, at: Fixture.at(minute: 2)))
    }
}
