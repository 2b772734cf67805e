import Foundation
import Payments
import Services
import XCTest

/// The decision matrix as the join applies it: one test per row of the seed's table and per case it
/// leaves open. Pure: no store, no clock beyond the dates passed in.
final class PaymentJoinTests: XCTestCase {
    let t0 = Seed.requestTime

    func makeJoin() -> PaymentJoin { PaymentJoin(transactionId: Seed.txn, firstSeen: t0, timeout: 5) }

    func testRow1_whenApprovedApprovedReserved_sendsExecuteWithTheReservation() {
        var join = makeJoin()
        XCTAssertEqual(join.receive(fraud: Seed.fraud(.approved), now: t0), [])
        XCTAssertEqual(join.receive(revenue: Seed.revenue(.approved), now: t0), [])
        let effects = join.receive(core: Seed.core(.reserved), now: t0)
        XCTAssertEqual(commands(effects).map(\.command), [.execute])
        XCTAssertEqual(commands(effects).first?.reservationId, "RES-789123")
        XCTAssertEqual(join.verdict, .proceed)
    }

    func testRow2_whenFraudDeclined_rejectsAtOnceAndReleases() {
        var join = makeJoin()
        let effects = join.receive(fraud: Seed.fraud(.declined), now: t0)
        XCTAssertEqual(join.verdict, .reject)
        XCTAssertEqual(join.reason, ReasonCode.fraudDeclined)
        XCTAssertEqual(commands(effects).map(\.command), [.release])
    }

    func testRow3_whenFraudApprovedAndRevenueDeclined_rejects() {
        var join = makeJoin()
        _ = join.receive(fraud: Seed.fraud(.approved), now: t0)
        let effects = join.receive(revenue: Seed.revenue(.declined), now: t0)
        XCTAssertEqual(join.reason, ReasonCode.revenueDeclined)
        XCTAssertEqual(commands(effects).map(\.command), [.release])
    }

    func testRow4_whenCoreFailed_rejectsWithoutRelease() {
        var join = makeJoin()
        _ = join.receive(fraud: Seed.fraud(.approved), now: t0)
        _ = join.receive(revenue: Seed.revenue(.approved), now: t0)
        let effects = join.receive(core: Seed.core(.failed), now: t0)
        XCTAssertEqual(join.reason, ReasonCode.coreFailed)
        XCTAssertEqual(commands(effects), [], "a FAILED core reserved nothing")
    }

    func testOpenCase_revenueDeclinedBeforeFraudAnswers_rejectsWithoutWaiting() {
        var join = makeJoin()
        _ = join.receive(revenue: Seed.revenue(.declined), now: t0)
        XCTAssertEqual(join.verdict, .reject)
    }

    func testOpenCase_coreFailedFirst_rejectsWithoutWaiting() {
        var join = makeJoin()
        _ = join.receive(core: Seed.core(.failed), now: t0)
        XCTAssertEqual(join.verdict, .reject)
    }

    func testOpenCase_unknownFraudValue_isNeverTakenAsYes() {
        var join = makeJoin()
        _ = join.receive(revenue: Seed.revenue(.approved), now: t0)
        _ = join.receive(core: Seed.core(.reserved), now: t0)
        _ = join.receive(fraud: Seed.fraud(FraudDecision(rawValue: "MAYBE")), now: t0)
        XCTAssertEqual(join.verdict, .reject)
        XCTAssertEqual(join.reason, ReasonCode.unknownAnswer)
    }

    func testOpenCase_firstAnswerPerSystemWins() {
        var join = makeJoin()
        _ = join.receive(fraud: Seed.fraud(.approved), now: t0)
        XCTAssertEqual(join.receive(fraud: Seed.fraud(.declined), now: t0), [])
        XCTAssertEqual(join.fraud, .approved)
        XCTAssertNil(join.verdict)
    }

    func testOpenCase_reservedAfterReject_releasesThatReservation() {
        var join = makeJoin()
        _ = join.receive(fraud: Seed.fraud(.declined), now: t0)
        let effects = join.receive(core: Seed.core(.reserved), now: t0)
        XCTAssertEqual(commands(effects).map(\.command), [.release])
        XCTAssertEqual(commands(effects).first?.reservationId, "RES-789123")
        XCTAssertEqual(join.verdict, .reject, "never an EXECUTE after a REJECT")
    }

    func testConfirmation_afterCompletion_isCompletedWithTheNewBalance() {
        var join = makeJoin()
        _ = join.receive(request: Seed.request(), recipientName: "MARY WANJIKU", now: t0)
        _ = join.receive(fraud: Seed.fraud(.approved), now: t0)
        _ = join.receive(revenue: Seed.revenue(.approved), now: t0)
        _ = join.receive(core: Seed.core(.reserved), now: t0)
        let confirmation = confirmations(join.receive(completion: Seed.completion(), now: t0)).first
        XCTAssertEqual(confirmation?.finalStatus, .completed)
        XCTAssertEqual(confirmation?.amount, 5_000)
        XCTAssertEqual(confirmation?.fee, 15)
        XCTAssertEqual(confirmation?.senderNewBalance, 19_985)
        XCTAssertEqual(confirmation?.recipientName, "MARY WANJIKU")
        XCTAssertEqual(confirmation?.completionTime, Seed.completionTime)
        XCTAssertEqual(join.receive(completion: Seed.completion(), now: t0), [], "one confirmation only")
    }

    func testConfirmation_ofRejectBeforeTheRequestIsSeen_waitsForTheRequest() {
        var join = makeJoin()
        XCTAssertEqual(confirmations(join.receive(fraud: Seed.fraud(.declined), now: t0)), [])
        let confirmation = confirmations(join.receive(request: Seed.request(), now: t0)).first
        XCTAssertEqual(confirmation?.finalStatus, .failed)
        XCTAssertEqual(confirmation?.reason, ReasonCode.fraudDeclined)
    }

    func testTick_beforeTheDeadline_doesNothing() {
        var join = makeJoin()
        XCTAssertEqual(join.tick(now: t0.addingTimeInterval(4.9), completionAlertAfter: 30), [])
        XCTAssertNil(join.verdict)
    }

    func testTick_atTheDeadline_declinesReleasesAndParksNamingTheMissingSystems() {
        var join = makeJoin()
        _ = join.receive(request: Seed.request(), now: t0)
        _ = join.receive(fraud: Seed.fraud(.approved), now: t0)
        let effects = join.tick(now: t0.addingTimeInterval(5), completionAlertAfter: 30)
        XCTAssertEqual(join.reason, ReasonCode.timeout)
        XCTAssertEqual(commands(effects).map(\.command), [.release])
        XCTAssertEqual(deadLetters(effects).first?.missingSystems, [.revenue, .core])
        XCTAssertEqual(confirmations(effects).first?.finalStatus, .failed)
    }

    func testTick_afterExecute_neverReleasesButAlertsOnce() {
        var join = makeJoin()
        _ = join.receive(fraud: Seed.fraud(.approved), now: t0)
        _ = join.receive(revenue: Seed.revenue(.approved), now: t0)
        _ = join.receive(core: Seed.core(.reserved), now: t0)
        XCTAssertEqual(join.tick(now: t0.addingTimeInterval(6), completionAlertAfter: 30), [])
        let late = join.tick(now: t0.addingTimeInterval(36), completionAlertAfter: 30)
        XCTAssertEqual(late.count, 1)
        guard case .alert = late.first else { return XCTFail("expected an alert, got \(late)") }
        XCTAssertEqual(join.tick(now: t0.addingTimeInterval(99), completionAlertAfter: 30), [])
        XCTAssertEqual(join.verdict, .proceed)
    }
}
