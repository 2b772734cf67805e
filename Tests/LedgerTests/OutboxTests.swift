import Foundation
import Ledger
import Payments
import XCTest

/// The outbox: events written with the change, published, and re-armed by a redelivery.
final class OutboxTests: XCTestCase {
    func testMarkPublished_removesEventsFromPending() throws {
        // Given a reserved payment's RESERVED event in the outbox
        let ledger = try Fixture.seededLedger()
        _ = try ledger.reserve(Fixture.request())
        let pending = try ledger.pendingOutbox()
        XCTAssertEqual(pending.count, 1)
        // When it is marked published
        try ledger.markPublished(ids: pending.map(\.id))
        // Then nothing is pending
        XCTAssertEqual(try ledger.pendingOutbox(), [])
    }

    func testRedeliveredRequest_rearmsItsStoredEventWithTheSameEventId() throws {
        // Given a FAILED answer already published
        let ledger = try Fixture.seededLedger()
        _ = try ledger.reserve(Fixture.request(amount: 90_000))
        let published = try ledger.pendingOutbox()
        try ledger.markPublished(ids: published.map(\.id))
        // When the request is redelivered
        _ = try ledger.reserve(Fixture.request(amount: 90_000))
        // Then the same event (same id, same bytes) is pending again, so the service republishes it
        let again = try ledger.pendingOutbox()
        XCTAssertEqual(again.map(\.eventId), published.map(\.eventId))
        XCTAssertEqual(again.map(\.value), published.map(\.value))
        let result = try EventCoding.decode(CoreResult.self, from: again[0].value)
        XCTAssertEqual(result.coreStatus, .failed)
        XCTAssertEqual(result.reasonCode, ReasonCode.transactionLimitExceeded)
    }

    func testRelease_writesReleasedResultAndAuditEvent() throws {
        let ledger = try Fixture.seededLedger()
        _ = try ledger.release(transactionId: Fixture.id("TXN-20240902-001"), reason: ReasonCode.timeout, now: Fixture.requestTime)
        let pending = try ledger.pendingOutbox()
        XCTAssertEqual(pending.map(\.eventId), ["TXN-20240902-001:core-release", "TXN-20240902-001:audit:RELEASED"])
        let result = try EventCoding.decode(CoreResult.self, from: pending[0].value)
        XCTAssertEqual(result.coreStatus, .released)
        XCTAssertEqual(result.reasonCode, ReasonCode.timeout)
    }

    func testReserve_withArrivalTime_reportsProcessingTime() throws {
        let ledger = try Fixture.seededLedger()
        _ = try ledger.reserve(
            request: Fixture.request(), fee: 15, limits: .default, now: Fixture.requestTime.addingTimeInterval(0.156),
            arrivedAt: Fixture.requestTime)
        let result = try EventCoding.decode(CoreResult.self, from: try ledger.pendingOutbox()[0].value)
        XCTAssertEqual(result.processingTime, 156)
    }

    func testPruneOutbox_deletesOnlyPublishedEventsOlderThanTheCutoff() throws {
        let ledger = try Fixture.seededLedger()
        _ = try ledger.reserve(Fixture.request("TXN-20240902-001"))
        _ = try ledger.reserve(Fixture.request("TXN-20240902-002"))
        let pending = try ledger.pendingOutbox()
        try ledger.markPublished(ids: [pending[0].id], at: Fixture.requestTime)
        XCTAssertEqual(try ledger.pruneOutbox(publishedBefore: Fixture.requestTime.addingTimeInterval(1)), 1)
        XCTAssertEqual(try ledger.pendingOutbox().map(\.eventId), [pending[1].eventId])
    }
}
