import Foundation
import Payments
import Services
import XCTest

/// The seed's 5 seconds bound when the validation systems *produce* their answers; a grace after the
/// deadline lets the orchestrator still read answers produced in time (an instance died and its
/// partitions were being handed over), while an answer produced late still declines at once.
final class LateAnswerGraceTests: XCTestCase {
    let t0 = Seed.requestTime

    func graceJoin() -> PaymentJoin {
        PaymentJoin(transactionId: Seed.txn, firstSeen: t0, timeout: 5, lateAnswerGrace: 10)
    }

    func testAnswerProducedAt4_9s_butReadAt8s_proceeds() {
        var join = graceJoin()
        _ = join.receive(request: Seed.request(), now: t0)
        _ = join.receive(fraud: Seed.fraud(.approved), now: t0)
        _ = join.receive(revenue: Seed.revenue(.approved), now: t0)
        XCTAssertEqual(join.tick(now: t0.addingTimeInterval(8), completionAlertAfter: 30), [], "inside the grace")
        let effects = join.receive(core: Seed.core(.reserved), producedAt: t0.addingTimeInterval(4.9), now: t0.addingTimeInterval(8))
        XCTAssertEqual(commands(effects).map(\.command), [.execute])
        XCTAssertEqual(join.verdict, .proceed)
    }

    func testAnswerProducedAt5_1s_declinesAsSoonAsRead_evenInsideTheGrace() {
        var join = graceJoin()
        _ = join.receive(request: Seed.request(), now: t0)
        _ = join.receive(fraud: Seed.fraud(.approved), now: t0)
        _ = join.receive(revenue: Seed.revenue(.approved), now: t0)
        let effects = join.receive(core: Seed.core(.reserved), producedAt: t0.addingTimeInterval(5.1), now: t0.addingTimeInterval(5.2))
        XCTAssertEqual(join.verdict, .reject)
        XCTAssertEqual(join.reason, ReasonCode.timeout)
        XCTAssertEqual(deadLetters(effects).first?.missingSystems, [.core], "late is missing")
        XCTAssertEqual(commands(effects).map(\.command), [.release, .release], "at the timeout, then naming the late reservation")
        XCTAssertEqual(commands(effects).last?.reservationId, "RES-789123")
        XCTAssertEqual(confirmations(effects).map(\.finalStatus), [.failed])
    }

    func testNoAnswer_timesOutAtTheDeadlinePlusTheGrace() {
        var join = graceJoin()
        _ = join.receive(request: Seed.request(), now: t0)
        XCTAssertEqual(join.nextTimer(completionAlertAfter: 30), t0.addingTimeInterval(15))
        XCTAssertEqual(join.tick(now: t0.addingTimeInterval(14.9), completionAlertAfter: 30), [])
        let effects = join.tick(now: t0.addingTimeInterval(15), completionAlertAfter: 30)
        XCTAssertEqual(deadLetters(effects).first?.missingSystems, [.fraud, .revenue, .core])
        XCTAssertEqual(confirmations(effects).map(\.finalStatus), [.failed])
    }

    func testWithoutGrace_anAnswerReadAfterTheDeadlineButBeforeTheTimerFired_isStillLate() {
        var join = PaymentJoin(transactionId: Seed.txn, firstSeen: t0, timeout: 5)
        _ = join.receive(request: Seed.request(), now: t0)
        _ = join.receive(fraud: Seed.fraud(.approved), now: t0)
        _ = join.receive(revenue: Seed.revenue(.approved), now: t0)
        _ = join.receive(core: Seed.core(.reserved), now: t0.addingTimeInterval(5.05))
        XCTAssertEqual(join.reason, ReasonCode.timeout)
    }

    func testOrchestrator_turnsAKafkaTimestampIntoItsOwnClock_soAShiftedClockStillCompares() {
        let clock = ManualClock()  // the seed's 2024 instant, far from the wall clock
        let orchestrator = Orchestrator(
            store: try! JoinStore.inMemory(), clock: clock, timeout: .seconds(5), lateAnswerGrace: .seconds(10),
            completionAlertAfter: .seconds(30), metrics: PipelineMetrics(), logger: .quiet)
        let wall = Date(timeIntervalSince1970: 1_800_000_000)
        let produced = orchestrator.producedAt(kafkaTimestampMilliseconds: 1_800_000_000_000 - 3_000, wallClock: wall)
        XCTAssertEqual(produced?.timeIntervalSince1970 ?? 0, clock.now().addingTimeInterval(-3).timeIntervalSince1970, accuracy: 0.001)
        XCTAssertEqual(orchestrator.producedAt(kafkaTimestampMilliseconds: 1_800_000_000_000 + 2_000, wallClock: wall), clock.now(),
                       "a timestamp from the future is read as now")
        XCTAssertNil(orchestrator.producedAt(kafkaTimestampMilliseconds: nil, wallClock: wall))
    }

    func testOrchestrator_answersReadLateButProducedInTime_proceedAfterAnInstanceWasDown() async throws {
        let clock = ManualClock()
        let orchestrator = Orchestrator(
            store: try JoinStore.inMemory(), clock: clock, timeout: .seconds(5), lateAnswerGrace: .seconds(10),
            completionAlertAfter: .seconds(30), metrics: PipelineMetrics(), logger: .quiet)
        var effects = try await orchestrator.handle(request: Seed.request())
        let answeredAt = clock.now().addingTimeInterval(1)
        clock.advance(by: 7)  // the instance owning the answers' partitions was down until now
        effects += try await orchestrator.fireDueTimers()
        XCTAssertEqual(deadLetters(effects), [])
        effects += try await orchestrator.handle(fraud: Seed.fraud(.approved), producedAt: answeredAt)
        effects += try await orchestrator.handle(revenue: Seed.revenue(.approved), producedAt: answeredAt)
        effects += try await orchestrator.handle(core: Seed.core(.reserved), producedAt: answeredAt)
        XCTAssertEqual(commands(effects).map(\.command), [.execute])
    }
}
