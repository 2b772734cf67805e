import Foundation
import Payments
import XCTest
@testable import Analytics

final class AnalyticsBoardKPITests: XCTestCase {
    func testKPIs_areTheSeedsFour_inTheSeedsOrder() {
        let kpis = Fixture.board().snapshot(now: Fixture.t0).kpis

        XCTAssertEqual(kpis.map(\.name), [
            .transactionSuccessRate, .avgProcessingLatency, .fraudDeclineRate, .kafkaConsumerLag,
        ])
    }

    func testKPIs_onAnIdleBoard_haveNoDataRatherThanZeroPercent() {
        let kpis = Fixture.board().snapshot(now: Fixture.t0).kpis

        XCTAssertTrue(kpis.allSatisfy { $0.value == nil && $0.status == .noData })
    }

    func testSuccessRate_992In1000_isAWarning() {
        let board = Fixture.board()
        for number in 1...1000 {
            board.record(confirmation: Fixture.confirmation(number, number <= 992 ? .completed : .failed), at: Fixture.t0)
        }

        let kpi = board.snapshot(now: Fixture.t0).kpi(.transactionSuccessRate)

        XCTAssertEqual(kpi?.value ?? 0, 99.2, accuracy: 1e-9)
        XCTAssertEqual(kpi?.status, .warning)
        XCTAssertEqual(kpi?.targetText, "> 99.5%")
        XCTAssertEqual(kpi?.unit, "%")
    }

    func testSuccessRate_98Percent_isCritical() {
        let board = Fixture.board()
        for number in 1...50 {
            board.record(confirmation: Fixture.confirmation(number, number == 1 ? .failed : .completed), at: Fixture.t0)
        }

        XCTAssertEqual(board.snapshot(now: Fixture.t0).kpi(.transactionSuccessRate)?.status, .critical)
    }

    func testSuccessRate_recoversOnceTheBadMinutesLeaveTheFiveMinuteWindow() {
        let board = Fixture.board()
        board.record(confirmation: Fixture.confirmation(1, .failed), at: Fixture.at(minute: 0))
        board.record(confirmation: Fixture.confirmation(2), at: Fixture.at(minute: 3))

        XCTAssertEqual(board.snapshot(now: Fixture.at(minute: 4)).kpi(.transactionSuccessRate)?.status, .critical)
        XCTAssertEqual(board.snapshot(now: Fixture.at(minute: 5)).kpi(.transactionSuccessRate)?.status, .ok)
    }

    func testFraudDeclineRate_6Percent_isCritical() {
        let board = Fixture.board()
        for number in 1...100 {
            board.record(fraud: Fixture.fraud(number, number <= 6 ? .declined : .approved), at: Fixture.t0)
        }

        let kpi = board.snapshot(now: Fixture.t0).kpi(.fraudDeclineRate)

        XCTAssertEqual(kpi?.value ?? 0, 6, accuracy: 1e-9)
        XCTAssertEqual(kpi?.status, .critical)
    }

    func testAverageLatency_2500ms_isAWarning() {
        let board = Fixture.board()
        board.record(request: Fixture.request(1), at: Fixture.t0)
        board.record(confirmation: Fixture.confirmation(1, completion: Fixture.t0.addingTimeInterval(2.5)), at: Fixture.t0)

        XCTAssertEqual(board.snapshot(now: Fixture.t0).kpi(.avgProcessingLatency)?.status, .warning)
    }

    func testConsumerLag_isTheWorstGroupAndTopic_andEachRowHasItsOwnStatus() {
        let board = Fixture.board()
        board.updateLag(group: "fraud-management-cg", topic: "payment-requests", lag: 20)
        board.updateLag(group: "payment-orchestrator-cg", topic: "fraud-analysis", lag: 2000)
        board.updateLag(group: "mpesa-core-cg", topic: "core-processing", lag: 6000)
        board.updateLag(group: "mpesa-core-cg", topic: "core-processing", lag: 300)

        let snapshot = board.snapshot(now: Fixture.t0)

        XCTAssertEqual(snapshot.kpi(.kafkaConsumerLag)?.value, 2000, "the last report replaces the previous one")
        XCTAssertEqual(snapshot.kpi(.kafkaConsumerLag)?.status, .warning)
        XCTAssertEqual(snapshot.consumerLag.map(\.topic), ["core-processing", "fraud-analysis", "payment-requests"])
        XCTAssertEqual(snapshot.consumerLag.map(\.status), [.ok, .warning, .ok])
    }

    func testConsumerLag_negativeReports_areClampedToZero() {
        let board = Fixture.board()
        board.updateLag(group: "g", topic: "t", lag: -5)

        XCTAssertEqual(board.snapshot(now: Fixture.t0).consumerLag.first?.lag, 0)
    }
}
