import Foundation
import Messaging
import Payments
import Services
import Synchronization
import XCTest
@testable import Kafka

/// A bad record never blocks its partition: poison is parked at once, transient failures are retried
/// with backoff and then parked, and a flood of failures raises one alert.
final class RecordGuardTests: XCTestCase {
    var publisher: CapturingPublisher!
    var metrics: PipelineMetrics!

    override func setUp() {
        publisher = CapturingPublisher()
        metrics = PipelineMetrics()
    }

    func makeGuard(attempts: Int = 3, alertThreshold: Int = 10) -> RecordGuard {
        RecordGuard(
            service: "test-service", policy: RetryPolicy(base: .milliseconds(1), cap: .milliseconds(2), attempts: attempts),
            publisher: publisher,
            alarm: FailureAlarm(threshold: alertThreshold, window: .seconds(60), metrics: metrics, logger: .quiet),
            metrics: metrics, clock: ManualClock(), logger: .quiet)
    }

    func record(_ value: String, offset: Int64 = 7) -> ConsumerRecord {
        ConsumerRecord(
            topic: "payment-requests", partition: 3, offset: offset, key: Array("254700123456".utf8),
            value: Array(value.utf8), headers: [], timestampMilliseconds: nil, assignmentEpoch: 0)
    }

    func testUndecodableRecord_isParkedAsPoison_withItsOrigin() async throws {
        try await makeGuard().handle(record("{not json")) { try _ = $0.decodeEvent(PaymentRequest.self) }
        let parked = try publisher.decoded(DeadLetterEnvelope.self, on: .paymentDLQ)
        XCTAssertEqual(parked.map(\.kind), [.poison])
        XCTAssertEqual(parked.first?.topic, "payment-requests")
        XCTAssertEqual(parked.first?.partition, 3)
        XCTAssertEqual(parked.first?.offset, 7)
        XCTAssertEqual(parked.first?.payload, "{not json")
        XCTAssertEqual(parked.first?.attempts, 1)
        XCTAssertEqual(metrics.value(.poisonRecords), 1)
    }

    func testTransientFailure_thatRecovers_isNotParked() async throws {
        let calls = Mutex(0)
        try await makeGuard().handle(record("{}")) { _ in
            let n = calls.withLock { $0 += 1; return $0 }
            if n < 3 { throw PipelineError.transient("database busy") }
        }
        XCTAssertEqual(calls.withLock { $0 }, 3)
        XCTAssertEqual(publisher.on(.paymentDLQ).count, 0)
        XCTAssertEqual(metrics.value(.retries), 2)
    }

    func testTransientFailure_thatPersists_isParkedAsTransientAfterTheAttempts() async throws {
        let calls = Mutex(0)
        try await makeGuard(attempts: 4).handle(record("{}")) { _ in
            calls.withLock { $0 += 1 }
            throw PipelineError.transient("database busy")
        }
        XCTAssertEqual(calls.withLock { $0 }, 4)
        let parked = try publisher.decoded(DeadLetterEnvelope.self, on: .paymentDLQ)
        XCTAssertEqual(parked.map(\.kind), [.transient])
        XCTAssertEqual(parked.first?.attempts, 4)
    }

    func testDLQUnreachable_throws_soTheConsumerRedelivers() async {
        publisher.failNext(1)
        do {
            try await makeGuard().handle(record("{")) { try _ = $0.decodeEvent(PaymentRequest.self) }
            XCTFail("expected the parking failure to surface")
        } catch {}
    }

    func testSystematicFailures_raiseOneAlert() async throws {
        let recordGuard = makeGuard(alertThreshold: 3)
        for offset in 0..<6 {
            try await recordGuard.handle(record("{", offset: Int64(offset))) { try _ = $0.decodeEvent(PaymentRequest.self) }
        }
        XCTAssertEqual(metrics.value(.alerts), 1)
        XCTAssertEqual(publisher.on(.paymentDLQ).count, 6)
    }
}

/// Backoff grows exponentially up to the cap, with full jitter below it.
final class RetryPolicyTests: XCTestCase {
    func testCeiling_doublesPerAttempt_upToTheCap() {
        let policy = RetryPolicy(base: .milliseconds(50), cap: .milliseconds(300), attempts: 5)
        XCTAssertEqual((1...5).map { policy.ceiling(afterAttempt: $0) },
                       [.milliseconds(50), .milliseconds(100), .milliseconds(200), .milliseconds(300), .milliseconds(300)])
    }

    func testDelay_staysWithinTheCeiling() {
        let policy = RetryPolicy(base: .milliseconds(50), cap: .seconds(2), attempts: 5)
        var generator = SystemRandomNumberGenerator()
        for attempt in 1...5 {
            let delay = policy.delay(afterAttempt: attempt, using: &generator)
            XCTAssertLessThanOrEqual(delay, policy.ceiling(afterAttempt: attempt))
            XCTAssertGreaterThanOrEqual(delay, .zero)
        }
    }
}
