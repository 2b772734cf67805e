import Foundation
import Payments
import XCTest
@testable import Analytics

final class AnalyticsBoardLatencyTests: XCTestCase {
    func testLatency_isFromTheRequestTimestampToTheConfirmationCompletionTime() {
        let board = Fixture.board()
        board.record(request: Fixture.request(1, timestamp: Fixture.t0), at: Fixture.t0)
        board.record(
            confirmation: Fixture.confirmation(1, completion: Fixture.t0.addingTimeInterval(3)),
            at: Fixture.at(minute: 0, second: 4))

        let snapshot = board.snapshot(now: Fixture.at(minute: 0, second: 5))

        XCTAssertEqual(snapshot.latency.samples, 1)
        XCTAssertEqual(snapshot.latency.averageMs ?? 0, 3000, accuracy: 1e-6)
        XCTAssertEqual(snapshot.latency.p95Ms ?? 0, 3000, accuracy: 1e-6)
        XCTAssertEqual(snapshot.kpi(.avgProcessingLatency)?.value ?? 0, 3000, accuracy: 1e-6)
    }

    func testLatency_whenTheConfirmationArrivesBeforeTheRequest_isStillMeasuredOnce() {
        let board = Fixture.board()
        board.record(confirmation: Fixture.confirmation(1, completion: Fixture.t0.addingTimeInterval(1.5)), at: Fixture.t0)
        board.record(request: Fixture.request(1, timestamp: Fixture.t0), at: Fixture.t0)
        board.record(request: Fixture.request(1, timestamp: Fixture.t0), at: Fixture.t0)

        let latency = board.snapshot(now: Fixture.t0).latency

        XCTAssertEqual(latency.samples, 1)
        XCTAssertEqual(latency.averageMs ?? 0, 1500, accuracy: 1e-6)
    }

    func testLatency_whenOnlyOneSideIsKnown_hasNoValue() {
        let board = Fixture.board()
        board.record(request: Fixture.request(1), at: Fixture.t0)
        board.record(confirmation: Fixture.confirmation(2), at: Fixture.t0)

        let snapshot = board.snapshot(now: Fixture.t0)

        XCTAssertEqual(snapshot.latency.samples, 0)
        XCTAssertNil(snapshot.latency.averageMs)
        XCTAssertNil(snapshot.latency.p95Ms)
        XCTAssertEqual(snapshot.latency.p95Status, .noData)
        XCTAssertEqual(snapshot.kpi(.avgProcessingLatency)?.status, .noData)
    }

    func testLatency_p95_isNearTheSlowTailAndJudgedAgainstThe3SecondTarget() {
        let board = Fixture.board()
        for number in 1...100 {
            let seconds = number <= 90 ? 1.0 : 4.0
            board.record(request: Fixture.request(number, timestamp: Fixture.t0), at: Fixture.t0)
            board.record(
                confirmation: Fixture.confirmation(number, completion: Fixture.t0.addingTimeInterval(seconds)),
                at: Fixture.t0)
        }

        let latency = board.snapshot(now: Fixture.t0).latency

        XCTAssertEqual(latency.averageMs ?? 0, 1300, accuracy: 1e-6)
        XCTAssertGreaterThan(latency.p95Ms ?? 0, 3000)
        XCTAssertLessThanOrEqual(latency.p95Ms ?? 0, 4000)
        XCTAssertEqual(latency.maxMs, 4000)
        XCTAssertEqual(latency.p95Status, .critical)
        XCTAssertEqual(latency.p95TargetMs, 3000)
    }

    func testLatency_whenCompletionTimeIsBeforeTheRequest_countsAsZeroNotNegative() {
        let board = Fixture.board()
        board.record(request: Fixture.request(1, timestamp: Fixture.t0), at: Fixture.t0)
        board.record(confirmation: Fixture.confirmation(1, completion: Fixture.t0.addingTimeInterval(-2)), at: Fixture.t0)

        XCTAssertEqual(board.snapshot(now: Fixture.t0).latency.averageMs, 0)
    }
}
