import Foundation
import Payments
import XCTest

/// The same event published twice must carry the same id, and different steps different ids.
final class EventIDTests: XCTestCase {
    private let id = Seed.transactionId

    func testDerivations_areStableStrings() {
        XCTAssertEqual(EventID.request(id), "TXN-20240902-001:request")
        XCTAssertEqual(EventID.fraud(id), "TXN-20240902-001:fraud")
        XCTAssertEqual(EventID.revenue(id), "TXN-20240902-001:revenue")
        XCTAssertEqual(EventID.coreReserve(id), "TXN-20240902-001:core-reserve")
        XCTAssertEqual(EventID.coreExecute(id), "TXN-20240902-001:core-execute")
        XCTAssertEqual(EventID.command(id, .release), "TXN-20240902-001:command-release")
        XCTAssertEqual(EventID.confirmation(id), "TXN-20240902-001:confirmation")
        XCTAssertEqual(EventID.audit(id, .decision, msisdn: "tok"), "TXN-20240902-001:audit:DECISION")
        XCTAssertEqual(EventID.deadLetter(topic: "payment-requests", partition: 7, offset: 1234),
                       "dlq:payment-requests:7:1234")
    }

    func testEveryStepOfOnePayment_hasADistinctId() {
        let ids = [
            EventID.request(id), EventID.fraud(id), EventID.revenue(id), EventID.coreReserve(id),
            EventID.coreExecute(id), EventID.coreRelease(id), EventID.command(id, .execute),
            EventID.command(id, .release), EventID.confirmation(id), EventID.deadLetterTimeout(id),
            EventID.audit(id, .balanceDebited, msisdn: "a"), EventID.audit(id, .balanceCredited, msisdn: "a"),
            EventID.audit(id, .balanceCredited, msisdn: "b"),
        ] + AuditEventType.knownCases.dropFirst(2).map { EventID.audit(id, $0, msisdn: nil) }
        XCTAssertEqual(Set(ids).count, ids.count)
    }

    func testRepublishedEvent_decodedWithoutEventId_getsTheSameId() throws {
        let built = CoreCompletion(
            transactionId: id, debitAccount: "254700123456", creditAccount: "254711987654", debitedAmount: 5015,
            creditedAmount: 5000, transactionFee: 15, completionTime: Seed.completionTime, senderNewBalance: 19_985)
        let fromSeed = try EventCoding.decode(CoreCompletion.self, from: Data(Seed.coreCompletion.utf8))
        XCTAssertEqual(built.eventId, fromSeed.eventId)
    }
}
