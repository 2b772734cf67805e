import XCTest
@testable import PesaGate

/// The benchmark's messages: one transaction and one subscriber each, seed-shaped texts that fit
/// one SMS, and a fixed text when asked.
final class SMPPBenchMessageTests: XCTestCase {
    func testBatch_givesEveryMessageItsOwnTransactionAndNumber() throws {
        let batch = try SMPPBenchMessage.batch(count: 5_000)
        XCTAssertEqual(Set(batch.map(\.transactionId)).count, 5_000)
        XCTAssertEqual(Set(batch.map(\.msisdn)).count, 5_000)
        XCTAssertEqual(batch[42].transactionId.value, "TXN-20240902-B0000042")
        XCTAssertEqual(batch[42].msisdn.value, "254710000042")
    }

    func testConfirmation_readsLikeTheSeedsSenderText() {
        XCTAssertEqual(
            SMPPBenchMessage.confirmation(0),
            "Confirmed. Ksh100.00 sent to 254719000000 on 2/9/24 at 2:30 PM. New balance is Ksh49,900.00. Transaction cost Ksh0.00.")
        XCTAssertEqual(
            SMPPBenchMessage.confirmation(137),
            "Confirmed. Ksh5,169.00 sent to 254719000137 on 2/9/24 at 2:30 PM. New balance is Ksh44,816.00. Transaction cost Ksh15.00.")
    }

    func testConfirmation_alwaysFitsOneGSMPart() {
        for index in stride(from: 0, to: 100_000, by: 997) {
            let text = SMPPBenchMessage.confirmation(index)
            XCTAssertLessThanOrEqual(text.count, 160, text)
            XCTAssertTrue(text.allSatisfy { $0.isASCII }, text)
        }
    }

    func testBatch_withAText_usesItForEveryMessage() throws {
        let batch = try SMPPBenchMessage.batch(count: 3, text: "Habari")
        XCTAssertEqual(batch.map(\.text), ["Habari", "Habari", "Habari"])
    }
}
