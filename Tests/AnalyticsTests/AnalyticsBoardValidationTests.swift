import Foundation
import Payments
import XCTest
@testable import Analytics

final class AnalyticsBoardValidationTests: XCTestCase {
    func testValidation_listsFraudRevenueAndCoreInTheSeedsOrder() {
        let snapshot = Fixture.board().snapshot(now: Fixture.t0)

        XCTAssertEqual(snapshot.validation.map(\.system), ["FRAUD", "REVENUE", "CORE"])
        XCTAssertEqual(snapshot.validation.map(\.targetMs), [100, 80, 200])
    }

    func testValidation_whenNoAnswers_hasNoRatesRatherThanZero() {
        let fraud = Fixture.board().snapshot(now: Fixture.t0).validation("FRAUD")

        XCTAssertEqual(fraud?.answered, 0)
        XCTAssertNil(fraud?.successPercent)
        XCTAssertNil(fraud?.failurePercent)
    }

    func testValidation_computesSuccessAndFailureRatesPerSystem() {
        let board = Fixture.board()
        for number in 1...8 { board.record(revenue: Fixture.revenue(number), at: Fixture.t0) }
        for number in 9...10 { board.record(revenue: Fixture.revenue(number, .declined), at: Fixture.t0) }
        for number in 1...3 { board.record(core: Fixture.core(number), at: Fixture.t0) }
        board.record(core: Fixture.core(4, .failed), at: Fixture.t0)

        let snapshot = board.snapshot(now: Fixture.t0)
        let revenue = snapshot.validation("REVENUE")
        let core = snapshot.validation("CORE")

        XCTAssertEqual(revenue?.succeeded, 8)
        XCTAssertEqual(revenue?.failed, 2)
        XCTAssertEqual(revenue?.successPercent ?? 0, 80, accuracy: 1e-9)
        XCTAssertEqual(revenue?.failurePercent ?? 0, 20, accuracy: 1e-9)
        XCTAssertNil(revenue?.averageProcessingMs, "revenue results carry no processingTime")
        XCTAssertEqual(core?.successPercent ?? 0, 75, accuracy: 1e-9)
        XCTAssertEqual(core?.failurePercent ?? 0, 25, accuracy: 1e-9)
    }

    func testCore_releaseAcknowledgement_isNotCountedAsAnAnswer() {
        let board = Fixture.board()
        board.record(core: Fixture.core(1, .reserved), at: Fixture.t0)
        XCTAssertTrue(board.record(core: Fixture.core(1, .released, processingMs: nil), at: Fixture.t0))
        XCTAssertFalse(board.record(core: Fixture.core(1, .released, processingMs: nil), at: Fixture.t0))

        let core = board.snapshot(now: Fixture.t0).validation("CORE")

        XCTAssertEqual(core?.answered, 1)
        XCTAssertEqual(core?.succeeded, 1)
    }

    func testValidation_answersThisBuildDoesNotKnow_areNeitherSuccessNorFailure() {
        let board = Fixture.board()
        board.record(revenue: Fixture.revenue(1, RevenueDecision(rawValue: "MAYBE")), at: Fixture.t0)
        board.record(revenue: Fixture.revenue(2), at: Fixture.t0)
        board.record(core: Fixture.core(1, .completed), at: Fixture.t0)

        let snapshot = board.snapshot(now: Fixture.t0)

        XCTAssertEqual(snapshot.validation("REVENUE")?.unknown, 1)
        XCTAssertEqual(snapshot.validation("REVENUE")?.successPercent ?? 0, 50, accuracy: 1e-9)
        XCTAssertEqual(snapshot.validation("CORE")?.unknown, 1, "COMPLETED cannot answer a request")
    }

    func testCore_processingTimes_areAveragedAndComparedWithThe200msTarget() {
        let board = Fixture.board()
        board.record(core: Fixture.core(1, processingMs: 100), at: Fixture.t0)
        board.record(core: Fixture.core(2, processingMs: 150), at: Fixture.t0)
        board.record(core: Fixture.core(3, processingMs: 350), at: Fixture.t0)
        board.record(core: Fixture.core(4, processingMs: nil), at: Fixture.t0)

        let core = board.snapshot(now: Fixture.t0).validation("CORE")

        XCTAssertEqual(core?.averageProcessingMs ?? 0, 200, accuracy: 1e-9)
        XCTAssertEqual(core?.withinTargetPercent ?? 0, 200.0 / 3, accuracy: 1e-9)
    }

    func testRates_coverTheLastFiveMinutesOnly() {
        let board = Fixture.board()
        board.record(revenue: Fixture.revenue(1, .declined), at: Fixture.at(minute: 0))
        board.record(revenue: Fixture.revenue(2), at: Fixture.at(minute: 5))

        let revenue = board.snapshot(now: Fixture.at(minute: 5, second: 10)).validation("REVENUE")

        XCTAssertEqual(revenue?.answered, 1, "minute 0 is outside minutes 1…5")
        XCTAssertEqual(revenue?.successPercent ?? 0, 100, accuracy: 1e-9)
    }
}
