import Foundation
import XCTest
import Payments
@testable import Analytics

final class AnalyticsBoardVolumeTests: XCTestCase {
    func testSnapshot_whenNothingRecorded_showsFifteenEmptyMinutesEndingNow() {
        let board = Fixture.board()
        let snapshot = board.snapshot(now: Fixture.at(minute: 20, second: 30))

        XCTAssertEqual(snapshot.volume.count, 15)
        XCTAssertEqual(snapshot.volume.last?.minute, Fixture.at(minute: 20))
        XCTAssertEqual(snapshot.volume.first?.minute, Fixture.at(minute: 6))
        XCTAssertTrue(snapshot.volume.allSatisfy { $0.requests == 0 && $0.completed == 0 && $0.failed == 0 })
        XCTAssertEqual(snapshot.totals, DashboardTotals())
    }

    func testVolume_countsRequestsAndConfirmationsInTheMinuteTheyArrived() {
        let board = Fixture.board()
        board.record(request: Fixture.request(1), at: Fixture.at(minute: 0, second: 5))
        board.record(request: Fixture.request(2), at: Fixture.at(minute: 0, second: 59))
        board.record(request: Fixture.request(3), at: Fixture.at(minute: 2, second: 1))
        board.record(confirmation: Fixture.confirmation(1), at: Fixture.at(minute: 1, second: 2))
        board.record(confirmation: Fixture.confirmation(2, .failed), at: Fixture.at(minute: 1, second: 3))

        let volume = board.snapshot(now: Fixture.at(minute: 2, second: 30)).volume
        let byMinute = Dictionary(uniqueKeysWithValues: volume.map { ($0.minute, $0) })

        XCTAssertEqual(byMinute[Fixture.at(minute: 0)]?.requests, 2)
        XCTAssertEqual(byMinute[Fixture.at(minute: 1)]?.completed, 1)
        XCTAssertEqual(byMinute[Fixture.at(minute: 1)]?.failed, 1)
        XCTAssertEqual(byMinute[Fixture.at(minute: 2)]?.requests, 1)
        XCTAssertEqual(volume.map(\.requests).reduce(0, +), 3)
    }

    func testVolume_whenMinutesScrollPastTheHistory_dropsThemButKeepsTotals() {
        let board = Fixture.board()
        board.record(request: Fixture.request(1), at: Fixture.at(minute: 0))
        board.record(request: Fixture.request(2), at: Fixture.at(minute: 14))

        let snapshot = board.snapshot(now: Fixture.at(minute: 15))

        XCTAssertEqual(snapshot.volume.map(\.requests).reduce(0, +), 1, "minute 0 has left the 15-minute chart")
        XCTAssertEqual(snapshot.totals.requests, 2)
    }

    func testRecord_whenTheSameEventIsRedelivered_countsItOnce() {
        let board = Fixture.board()
        XCTAssertTrue(board.record(request: Fixture.request(1), at: Fixture.at(minute: 0)))
        XCTAssertFalse(board.record(request: Fixture.request(1), at: Fixture.at(minute: 0, second: 2)))
        XCTAssertTrue(board.record(confirmation: Fixture.confirmation(1), at: Fixture.at(minute: 0, second: 3)))
        XCTAssertFalse(board.record(confirmation: Fixture.confirmation(1), at: Fixture.at(minute: 1)))

        let snapshot = board.snapshot(now: Fixture.at(minute: 1))

        XCTAssertEqual(snapshot.totals.requests, 1)
        XCTAssertEqual(snapshot.totals.completed, 1)
        XCTAssertEqual(snapshot.totals.duplicatesIgnored, 2)
        XCTAssertEqual(snapshot.latency.samples, 1, "the copy must not add a second latency sample")
    }

    func testRecord_countsEachTransactionOncePerStream_notOnceOverall() {
        let board = Fixture.board()
        board.record(request: Fixture.request(1), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(1), at: Fixture.t0)
        board.record(revenue: Fixture.revenue(1), at: Fixture.t0)
        board.record(core: Fixture.core(1), at: Fixture.t0)
        board.record(confirmation: Fixture.confirmation(1), at: Fixture.t0)

        let snapshot = board.snapshot(now: Fixture.t0)

        XCTAssertEqual(snapshot.totals.requests, 1)
        XCTAssertEqual(snapshot.totals.completed, 1)
        XCTAssertEqual(snapshot.validation.map(\.answered), [1, 1, 1])
        XCTAssertEqual(snapshot.totals.duplicatesIgnored, 0)
    }

    func testMemory_forgetsTransactionIDsOlderThanTheHistoryWindow() {
        let board = Fixture.board()
        for number in 1...50 {
            board.record(request: Fixture.request(number), at: Fixture.at(minute: 0))
            board.record(confirmation: Fixture.confirmation(number), at: Fixture.at(minute: 0))
        }
        XCTAssertEqual(board.rememberedIDs, 100)

        _ = board.snapshot(now: Fixture.at(minute: 16))

        XCTAssertEqual(board.rememberedIDs, 0)
        XCTAssertEqual(board.snapshot(now: Fixture.at(minute: 16)).totals.requests, 50)
    }

    func testRecord_whenACopyArrivesAfterItsIDWasForgotten_countsItAgain() {
        // The documented price of bounded memory: 15 minutes is far beyond any redelivery delay.
        let board = Fixture.board()
        board.record(request: Fixture.request(1), at: Fixture.at(minute: 0))

        XCTAssertTrue(board.record(request: Fixture.request(1), at: Fixture.at(minute: 16)))
    }

    func testConfirmation_withAFinalStatusThisBuildDoesNotKnow_countsAsFailed() {
        let board = Fixture.board()
        board.record(confirmation: Fixture.confirmation(1, FinalStatus(rawValue: "REVERSED")), at: Fixture.t0)

        let snapshot = board.snapshot(now: Fixture.t0)

        XCTAssertEqual(snapshot.totals.failed, 1)
        XCTAssertEqual(snapshot.volume.last?.failed, 1)
    }
}
