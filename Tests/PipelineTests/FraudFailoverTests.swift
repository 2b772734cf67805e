import Foundation
import Payments
import Services
import Synchronization
import XCTest

/// An engine that fails while told to.
final class FlakyEngine: FraudEngine {
    let failing = Mutex(false)
    func assess(_ request: PaymentRequest, history: SubscriberHistory, at time: Date) throws -> FraudAssessment {
        if failing.withLock({ $0 }) { throw PipelineError.transient("model server down") }
        return FraudScorer(rules: .default).assess(request, history: history, at: time)
    }
}

/// The backup rules engine takes over when the primary fails or is switched off, and hands back.
final class FraudFailoverTests: XCTestCase {
    func makeFailover(_ primary: any FraudEngine, enabled: Bool = true) -> (FraudFailover, PipelineMetrics) {
        let metrics = PipelineMetrics()
        let failover = FraudFailover(
            primary: primary, backup: BackupFraudEngine(rules: FraudRules.default.backup), primaryEnabled: enabled,
            metrics: metrics, logger: .quiet)
        return (failover, metrics)
    }

    func testPrimaryFailing_backupAnswersWithItsOwnSystemId_andTheSwitchIsCountedOnce() throws {
        let engine = FlakyEngine()
        engine.failing.withLock { $0 = true }
        let (failover, metrics) = makeFailover(engine)
        let first = try failover.assess(Seed.request(), history: SubscriberHistory(), at: Seed.requestTime)
        _ = try failover.assess(Seed.request(), history: SubscriberHistory(), at: Seed.requestTime)
        XCTAssertEqual(first.fraudSystemId, "FMS-BACKUP")
        XCTAssertEqual(first.decision, .approved)
        XCTAssertEqual(metrics.value(.fraudFailovers), 1)
        XCTAssertTrue(failover.isOnBackup)
    }

    func testPrimaryRecovering_switchesBack_andCountsTheWayBack() throws {
        let engine = FlakyEngine()
        engine.failing.withLock { $0 = true }
        let (failover, metrics) = makeFailover(engine)
        _ = try failover.assess(Seed.request(), history: SubscriberHistory(), at: Seed.requestTime)
        engine.failing.withLock { $0 = false }
        let back = try failover.assess(Seed.request(), history: SubscriberHistory(), at: Seed.requestTime)
        XCTAssertEqual(back.fraudSystemId, "FMS-001")
        XCTAssertEqual(metrics.value(.fraudRecoveries), 1)
        XCTAssertFalse(failover.isOnBackup)
    }

    func testPrimarySwitchedOff_backupIsConservative_declinesLargePayments() throws {
        let (failover, _) = makeFailover(FlakyEngine(), enabled: false)
        let large = try failover.assess(Seed.request(amount: 50_000), history: SubscriberHistory(), at: Seed.requestTime)
        XCTAssertEqual(large.decision, .declined)
        XCTAssertEqual(large.fraudSystemId, "FMS-BACKUP")
        failover.setPrimaryEnabled(true)
        let small = try failover.assess(Seed.request(), history: SubscriberHistory(), at: Seed.requestTime)
        XCTAssertEqual(small.fraudSystemId, "FMS-001")
    }

    func testRedeliveredRequest_republishesTheStoredAnswer_evenIfTheEngineChanged() async throws {
        let engine = FlakyEngine()
        let (failover, metrics) = makeFailover(engine)
        let publisher = CapturingPublisher()
        let processor = FraudProcessor(
            publisher: publisher, answers: try AnswerStore.inMemory(), failover: failover, historyLimit: 50,
            metrics: metrics, clock: ManualClock())
        let first = try await processor.process(Seed.request())
        engine.failing.withLock { $0 = true }
        let again = try await processor.process(Seed.request())
        XCTAssertEqual(first, again)
        XCTAssertEqual(publisher.on(.fraudAnalysis).map(\.value), Array(repeating: publisher.all[0].value, count: 2))
        XCTAssertEqual(metrics.value(.republished), 1)
        XCTAssertEqual(metrics.value(.fraudFailovers), 0, "never recomputed")
    }
}
