import Foundation
import Ledger
import Payments
import XCTest

/// The revenue view: balances and daily use without the request's own reservation.
final class SpendingSnapshotTests: XCTestCase {
    func testSnapshot_ignoresTheRequestsOwnReservation() throws {
        // Given John sent 2,000 earlier today, and core has already reserved the seed's payment
        let ledger = try Fixture.seededLedger()
        _ = try ledger.reserve(Fixture.request("TXN-20240902-000", amount: 2_000))
        _ = try ledger.execute(transactionId: Fixture.id("TXN-20240902-000"), now: Fixture.requestTime)
        _ = try ledger.reserve(Fixture.request())
        // When revenue reads his snapshot for the seed's payment
        let snapshot = try XCTUnwrap(ledger.spendingSnapshot(
            of: Fixture.john, excluding: Fixture.id("TXN-20240902-001"), now: Fixture.requestTime))
        // Then it sees the balance before this payment's hold and only the earlier spending
        XCTAssertEqual(snapshot.balance, 22_985)
        XCTAssertEqual(snapshot.dailyUsed, 2_000)
        XCTAssertEqual(snapshot.kycTier, 1)
        XCTAssertNil(try ledger.spendingSnapshot(of: Fixture.unregistered, excluding: Fixture.id("TXN-20240902-001")))
    }

    func testAsyncApply_runsTheSameOperations() async throws {
        let ledger = try Fixture.seededLedger()
        let request = Fixture.request()
        let outcomes = try await ledger.apply(
            [.reserve(request, fee: 15, limits: .default), .execute(request.transactionId)], now: Fixture.completionTime)
        XCTAssertEqual(outcomes.count, 2)
        guard case .execute(.completed) = outcomes[1] else { return XCTFail("\(outcomes)") }
        XCTAssertEqual(try ledger.balance(Fixture.mary), 13_500)
    }
}
