import Foundation
import Ledger
import Payments
@testable import Services
import XCTest

/// The orchestrator writes every step of a payment's life for `audit-trail`: tokens instead of numbers,
/// one deterministic id per (transaction, step), recorded once however often an event is redelivered.
final class PaymentAuditTrailTests: XCTestCase {
    var clock: ManualClock!
    var store: JoinStore!
    var tokenizer: MSISDNTokenizer!
    var orchestrator: Orchestrator!

    override func setUpWithError() throws {
        clock = ManualClock()
        store = try JoinStore.inMemory()
        let tokenizer = try MSISDNTokenizer(keyId: "v1", key: Data(repeating: 0x42, count: 32))
        self.tokenizer = tokenizer
        orchestrator = Orchestrator(
            store: store, clock: clock, timeout: .seconds(5), completionAlertAfter: .seconds(30),
            metrics: PipelineMetrics(), logger: .quiet,
            trail: PaymentAuditTrail(identify: { (tokenizer.token($0), tokenizer.seal($0)) }))
    }

    func audits(_ effects: [OrchestratorEffect]) -> [AuditEvent] {
        effects.compactMap { if case let .audit(event) = $0 { event } else { nil } }
    }

    func testSeedPayment_recordsEveryStepInOrder() async throws {
        var effects = try await orchestrator.handle(request: Seed.request())
        effects += try await orchestrator.handle(fraud: Seed.fraud(.approved))
        effects += try await orchestrator.handle(revenue: Seed.revenue(.approved))
        effects += try await orchestrator.handle(core: Seed.core(.reserved))
        effects += try await orchestrator.handle(completion: Seed.completion())

        let trail = audits(effects)
        XCTAssertEqual(trail.map(\.eventType), [
            .requested, .fraudResult, .revenueResult, .coreReserved, .decision, .executed, .confirmed,
        ])
        XCTAssertEqual(trail.first { $0.eventType == .decision }?.detail, "PROCEED")
        XCTAssertEqual(trail.first { $0.eventType == .confirmed }?.detail, "COMPLETED")
        XCTAssertEqual(trail.first?.timestamp, Seed.requestTime, "the request's own time")
        XCTAssertEqual(Set(trail.map(\.eventId)).count, trail.count, "one key per step")
        XCTAssertEqual(trail.first?.eventId, "TXN-20240902-001:audit:REQUESTED")
    }

    func testAuditFacts_carryTokensAndSealedNumbers_neverTheRawMSISDN() async throws {
        let effects = try await orchestrator.handle(request: Seed.request())
        let requested = try XCTUnwrap(audits(effects).first)
        XCTAssertEqual(requested.msisdn, tokenizer.token(Seed.john))
        XCTAssertEqual(requested.msisdnSealed.flatMap(tokenizer.open), Seed.john)
        let json = String(decoding: try EventCoding.encode(requested), as: UTF8.self)
        XCTAssertFalse(json.contains(Seed.john.value), json)
        XCTAssertFalse(json.contains(Seed.mary.value), "the recipient is a token too: \(json)")
    }

    func testTimeout_recordsTheRejectionAndTheDeadLetter() async throws {
        var effects = try await orchestrator.handle(request: Seed.request())
        clock.advance(by: 5.1)
        effects += try await orchestrator.fireDueTimers()
        let trail = audits(effects)
        XCTAssertEqual(trail.map(\.eventType), [.requested, .decision, .deadLettered, .confirmed])
        XCTAssertEqual(trail[1].detail?.hasPrefix("REJECT"), true)
        XCTAssertEqual(trail[2].detail?.hasPrefix("TIMEOUT"), true)
    }

    func testRedeliveredRequest_isStoredForPublishingOnce() async throws {
        try await orchestrator.handle(request: Seed.request())
        try await orchestrator.handle(request: Seed.request())
        let pending = try await store.pendingEffects(limit: 100).filter { $0.topic == .auditTrail }
        XCTAssertEqual(pending.map(\.key), ["TXN-20240902-001:audit:REQUESTED"])
    }

    func testCoreReleaseAcknowledgement_isRecordedAsReleased() async throws {
        try await orchestrator.handle(request: Seed.request())
        try await orchestrator.handle(fraud: Seed.fraud(.declined))
        let effects = try await orchestrator.handle(core: Seed.core(.released))
        XCTAssertEqual(audits(effects).map(\.eventType), [.released])
    }
}
