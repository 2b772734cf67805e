import Foundation
import Payments
import Services
import XCTest

/// `payment-dlq` recorded for list and replay; replay refuses what must not run again.
final class DeadLetterReplayTests: XCTestCase {
    var store: DeadLetterStore!
    var joins: JoinStore!
    var publisher: CapturingPublisher!
    var replayer: DeadLetterReplayer!

    override func setUpWithError() throws {
        store = try DeadLetterStore.inMemory()
        joins = try JoinStore.inMemory()
        publisher = CapturingPublisher()
        replayer = DeadLetterReplayer(store: store, joins: joins, publisher: publisher, clock: ManualClock())
    }

    func parkedRequest() throws -> DeadLetterEnvelope {
        .wrapping(
            kind: .transient, topic: "payment-requests", partition: 1, offset: 42, key: Array("254700123456".utf8),
            payload: Array(try EventCoding.encode(Seed.request())), error: "database busy", attempts: 5,
            at: Seed.requestTime, service: "fraud-management")
    }

    func testRecordedTwice_isListedOnce() async throws {
        let envelope = try parkedRequest()
        let first = try await store.record(envelope, at: Seed.requestTime)
        let second = try await store.record(envelope, at: Seed.requestTime)
        XCTAssertTrue(first)
        XCTAssertFalse(second)
        let listed = try await store.list()
        XCTAssertEqual(listed.map(\.id), ["dlq:payment-requests:1:42@fraud-management"])
    }

    func testReplay_ofAnUndecidedPayment_republishesTheOriginalBytesAndKey() async throws {
        let envelope = try parkedRequest()
        try await store.record(envelope, at: Seed.requestTime)
        try await replayer.replay(id: DeadLetterStore.id(of: envelope))
        XCTAssertEqual(publisher.on(.paymentRequests).map(\.value), [envelope.payloadBytes!])
        XCTAssertEqual(publisher.on(.paymentRequests).first?.key, "254700123456")
        let entry = try await store.entry(id: DeadLetterStore.id(of: envelope))
        XCTAssertNotNil(entry?.replayedAt)
    }

    func testReplay_ofAPaymentWithAFinalStatus_isRefused() async throws {
        let envelope = try parkedRequest()
        try await store.record(envelope, at: Seed.requestTime)
        let orchestrator = Orchestrator(
            store: joins, clock: ManualClock(), timeout: .seconds(5), completionAlertAfter: .seconds(30),
            metrics: PipelineMetrics(), logger: .quiet)
        try await orchestrator.handle(fraud: Seed.fraud(.declined))
        do {
            try await replayer.replay(id: DeadLetterStore.id(of: envelope))
            XCTFail("a declined payment must not be replayed")
        } catch let refusal as DeadLetterReplayer.Refusal {
            XCTAssertEqual(refusal, .alreadyFinal(Seed.txn, .failed))
        }
        XCTAssertEqual(publisher.all.count, 0)
    }

    func testReplay_ofATimeout_isRefused() async throws {
        let envelope = DeadLetterEnvelope.timeout(transactionId: Seed.txn, missing: [.core], at: Seed.requestTime)
        try await store.record(envelope, at: Seed.requestTime)
        do {
            try await replayer.replay(id: DeadLetterStore.id(of: envelope))
            XCTFail("a TIMEOUT is for manual review")
        } catch is DeadLetterReplayer.Refusal {}
    }

    func testReplay_ofAnUnknownID_isRefused() async {
        do {
            try await replayer.replay(id: "nope")
            XCTFail("expected a refusal")
        } catch {}
    }
}
