import Foundation
import Payments
import Services
import XCTest

/// The orchestrator over its shared store, on an injected clock: the 5-second timeout at 4.9 s and 5.1 s,
/// fired twice, never answered, and a RESERVED after a REJECT. No sleeping.
final class OrchestratorTimeoutTests: XCTestCase {
    var clock: ManualClock!
    var orchestrator: Orchestrator!

    override func setUpWithError() throws {
        clock = ManualClock()
        orchestrator = Orchestrator(
            store: try JoinStore.inMemory(), clock: clock, timeout: .seconds(5), completionAlertAfter: .seconds(30),
            metrics: PipelineMetrics(), logger: .quiet)
    }

    /// Request, fraud and revenue at t0; core's answer `coreAfter` seconds later, timers fired just before.
    func runCoreAnswer(after seconds: TimeInterval) async throws -> [OrchestratorEffect] {
        var effects = try await orchestrator.handle(request: Seed.request())
        effects += try await orchestrator.handle(fraud: Seed.fraud(.approved))
        effects += try await orchestrator.handle(revenue: Seed.revenue(.approved))
        clock.advance(by: seconds)
        effects += try await orchestrator.fireDueTimers()
        effects += try await orchestrator.handle(core: Seed.core(.reserved))
        return effects
    }

    func testResult_at4_9Seconds_proceeds() async throws {
        let effects = try await runCoreAnswer(after: 4.9)
        XCTAssertEqual(commands(effects).map(\.command), [.execute])
        XCTAssertEqual(deadLetters(effects), [])
    }

    func testResult_at5_1Seconds_isTooLate_declinedReleasedAndParked() async throws {
        let effects = try await runCoreAnswer(after: 5.1)
        XCTAssertEqual(commands(effects).map(\.command), [.release, .release], "at the deadline, then naming the late reservation")
        XCTAssertEqual(commands(effects).last?.reservationId, "RES-789123")
        XCTAssertEqual(deadLetters(effects).map(\.kind), [.timeout])
        XCTAssertEqual(deadLetters(effects).first?.missingSystems, [.core])
        XCTAssertEqual(confirmations(effects).map(\.finalStatus), [.failed])
        XCTAssertEqual(confirmations(effects).first?.reason, ReasonCode.timeout)
    }

    func testTimeout_firedTwice_decidesOnce() async throws {
        try await orchestrator.handle(request: Seed.request())
        clock.advance(by: 6)
        let first = try await orchestrator.fireDueTimers()
        let second = try await orchestrator.fireDueTimers()
        XCTAssertEqual(deadLetters(first).count, 1)
        XCTAssertEqual(confirmations(first).count, 1)
        XCTAssertEqual(second, [])
    }

    func testNoAnswerEver_timesOutNamingAllThreeSystems() async throws {
        try await orchestrator.handle(request: Seed.request())
        clock.advance(by: 5)
        let effects = try await orchestrator.fireDueTimers()
        XCTAssertEqual(deadLetters(effects).first?.missingSystems, [.fraud, .revenue, .core])
        XCTAssertEqual(confirmations(effects).first?.finalStatus, .failed)
    }

    func testClockStartsAtTheRequest_notAtTheFirstResult() async throws {
        try await orchestrator.handle(request: Seed.request())
        clock.advance(by: 4)
        try await orchestrator.handle(fraud: Seed.fraud(.approved))
        clock.advance(by: 1.5)
        let effects = try await orchestrator.fireDueTimers()
        XCTAssertEqual(deadLetters(effects).count, 1, "5 s after the request, although 1.5 s after fraud")
    }

    func testReservedAfterReject_releasesIt_andNeverExecutes() async throws {
        try await orchestrator.handle(request: Seed.request())
        try await orchestrator.handle(fraud: Seed.fraud(.declined))
        let effects = try await orchestrator.handle(core: Seed.core(.reserved))
        XCTAssertEqual(commands(effects).map(\.command), [.release])
        let join = try await orchestrator.store.join(Seed.txn)
        XCTAssertEqual(join?.verdict, .reject)
        XCTAssertFalse(join?.executeSent ?? true)
    }

    func testAfterExecute_aLateCompletionIsNeverReleased() async throws {
        _ = try await runCoreAnswer(after: 1)
        clock.advance(by: 60)
        let effects = try await orchestrator.fireDueTimers()
        XCTAssertEqual(commands(effects), [])
        XCTAssertEqual(effects.count, 1, "one alert")
        let confirmation = try await orchestrator.handle(completion: Seed.completion())
        XCTAssertEqual(confirmations(confirmation).map(\.finalStatus), [.completed])
    }

    func testRedeliveredResult_changesNothing() async throws {
        _ = try await runCoreAnswer(after: 1)
        let again = try await orchestrator.handle(core: Seed.core(.reserved))
        XCTAssertEqual(again, [])
    }

    func testTwoInstancesOnOneStoreFile_decideOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("join-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("orchestrator.sqlite").path
        let a = Orchestrator(store: try JoinStore.open(path: path), clock: clock, timeout: .seconds(5),
                             completionAlertAfter: .seconds(30), metrics: PipelineMetrics(), logger: .quiet)
        let b = Orchestrator(store: try JoinStore.open(path: path), clock: clock, timeout: .seconds(5),
                             completionAlertAfter: .seconds(30), metrics: PipelineMetrics(), logger: .quiet)
        var effects = try await a.handle(fraud: Seed.fraud(.approved))
        effects += try await b.handle(revenue: Seed.revenue(.approved))
        effects += try await a.handle(core: Seed.core(.reserved))
        clock.advance(by: 10)
        effects += try await b.fireDueTimers()
        XCTAssertEqual(commands(effects).map(\.command), [.execute])
    }
}
