import XCTest
@testable import PesaGate

/// The count behind every figure of `bench smpp`: each message once, the instant of the last one.
final class DeliveryTallyTests: XCTestCase {
    func testRecord_countsARepeatedReportOnce() {
        let tally = DeliveryTally(target: 2)
        tally.record("a", delivered: true)
        tally.record("a", delivered: true)
        XCTAssertEqual(tally.snapshot.delivered, 1)
        XCTAssertNil(tally.snapshot.reachedAt)
        tally.record("b", delivered: true)
        XCTAssertNotNil(tally.snapshot.reachedAt)
    }

    func testWaitForTarget_returnsTheInstantOfTheLastDelivery_notOfTheWakeUp() async throws {
        let tally = DeliveryTally(target: 1)
        tally.record("a", delivered: true)
        let recorded = try XCTUnwrap(tally.snapshot.reachedAt)
        try await Task.sleep(for: .milliseconds(20))
        let reached = try await tally.waitForTarget(total: 1, what: "test")
        XCTAssertEqual(reached, recorded)
    }

    func testWaitForTarget_whenFailuresMakeTheTargetUnreachable_throws() async {
        let tally = DeliveryTally(target: 2)
        tally.record("a", delivered: true)
        tally.record("b", delivered: false)
        do {
            _ = try await tally.waitForTarget(total: 2, what: "test")
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue("\(error)".contains("1 of 2 messages reported failed"), "\(error)")
        }
    }

    func testWaitForTarget_withoutProgress_throwsAfterTheStallTimeout() async {
        let tally = DeliveryTally(target: 1)
        do {
            _ = try await tally.waitForTarget(total: 1, stallTimeout: .milliseconds(30), what: "test")
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue("\(error)".contains("stalled at 0 delivered"), "\(error)")
        }
    }
}
