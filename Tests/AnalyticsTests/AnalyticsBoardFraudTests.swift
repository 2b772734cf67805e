import Foundation
import Payments
import XCTest
@testable import Analytics

final class AnalyticsBoardFraudTests: XCTestCase {
    func testFraud_countsDeclinedAndReviewAnswers() {
        let board = Fixture.board()
        for number in 1...7 { board.record(fraud: Fixture.fraud(number), at: Fixture.t0) }
        board.record(fraud: Fixture.fraud(8, .declined, score: 0.9), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(9, Fixture.review, score: 0.6), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(10, Fixture.review, score: 0.6), at: Fixture.t0)

        let snapshot = board.snapshot(now: Fixture.t0)

        XCTAssertEqual(snapshot.fraud.approved, 7)
        XCTAssertEqual(snapshot.fraud.declined, 1)
        XCTAssertEqual(snapshot.fraud.review, 2)
        XCTAssertEqual(snapshot.fraud.declinePercent ?? 0, 10, accuracy: 1e-9)
        XCTAssertEqual(snapshot.totals.fraudDeclined, 1)
        XCTAssertEqual(snapshot.totals.fraudReview, 2)
        XCTAssertEqual(snapshot.validation("FRAUD")?.review, 2)
        XCTAssertEqual(snapshot.validation("FRAUD")?.successPercent ?? 0, 70, accuracy: 1e-9)
    }

    func testFraud_blockedValue_isTheAmountOfDeclinedRequests_inEitherArrivalOrder() {
        let board = Fixture.board()
        board.record(request: Fixture.request(1, amount: 5000), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(1, .declined), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(2, .declined), at: Fixture.t0)
        board.record(request: Fixture.request(2, amount: 12000), at: Fixture.t0)
        board.record(request: Fixture.request(3, amount: 999), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(3), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(2, .declined), at: Fixture.t0)

        let snapshot = board.snapshot(now: Fixture.t0)

        XCTAssertEqual(snapshot.fraud.blockedShillings, 17000)
        XCTAssertEqual(snapshot.totals.fraudBlockedShillings, 17000)
    }

    func testFraud_averageScores_separateDeclinedFromApproved() {
        let board = Fixture.board()
        board.record(fraud: Fixture.fraud(1, score: 0.1), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(2, score: 0.3), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(3, .declined, score: 0.8), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(4, .declined, score: 1.0), at: Fixture.t0)

        let fraud = board.snapshot(now: Fixture.t0).fraud

        XCTAssertEqual(fraud.averageScoreApproved ?? 0, 0.2, accuracy: 1e-9)
        XCTAssertEqual(fraud.averageScoreDeclined ?? 0, 0.9, accuracy: 1e-9)
    }

    func testFraud_withinTarget_isTheShareOfAnswersFasterThan100ms() {
        let board = Fixture.board()
        board.record(fraud: Fixture.fraud(1, processingMs: 50), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(2, processingMs: 99), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(3, processingMs: 100), at: Fixture.t0)
        board.record(fraud: Fixture.fraud(4, processingMs: 250), at: Fixture.t0)

        let fraud = board.snapshot(now: Fixture.t0).fraud

        XCTAssertEqual(fraud.withinTargetPercent ?? 0, 50, accuracy: 1e-9)
        XCTAssertEqual(fraud.targetMs, 100)
        XCTAssertEqual(fraud.targetPercent, 90)
    }

    func testFraud_whenNoAnswers_hasNoRatesOrScores() {
        let fraud = Fixture.board().snapshot(now: Fixture.t0).fraud

        XCTAssertNil(fraud.declinePercent)
        XCTAssertNil(fraud.averageScoreApproved)
        XCTAssertNil(fraud.averageScoreDeclined)
        XCTAssertNil(fraud.withinTargetPercent)
        XCTAssertEqual(fraud.blockedShillings, 0)
    }
}
