import Foundation
import Payments
import Services
import XCTest

/// The primary scorer's signals, each on its own, and the shipped rules file.
final class FraudScorerTests: XCTestCase {
    let scorer = FraudScorer(rules: .default)

    func testShippedRulesFile_equalsTheBuiltInDefault() throws {
        XCTAssertEqual(try FraudRules.load(path: ConfigFiles.fraudRules), FraudRules.default)
    }

    func testSeedRequest_firstPaymentOnANewDevice_isApprovedWithNewDevice() {
        let result = scorer.assess(Seed.request(), history: SubscriberHistory(), at: Seed.requestTime)
        XCTAssertEqual(result.decision, .approved)
        XCTAssertEqual(result.riskFactors, ["NEW_DEVICE"])
        XCTAssertEqual(result.score, 0.13)
        XCTAssertEqual(result.fraudSystemId, "FMS-001")
    }

    func testPaymentAt2AMNairobiTime_isUnusualTime() {
        // 2024-09-02T23:00:00Z is 02:00 East Africa Time.
        let night = Date(timeIntervalSince1970: 1_725_318_000)
        let result = scorer.assess(Seed.request(at: night), history: SubscriberHistory(), at: night)
        XCTAssertEqual(result.riskFactors, ["NEW_DEVICE", "UNUSUAL_TIME"])
        XCTAssertEqual(result.score, 0.23, "the seed's score")
    }

    func testSixthPaymentWithinAMinute_isHighVelocity() {
        var history = SubscriberHistory()
        for i in 0..<5 { history.record(Seed.request(at: Seed.requestTime.addingTimeInterval(Double(i))), at: Seed.requestTime.addingTimeInterval(Double(i)), limit: 50) }
        let result = scorer.assess(Seed.request(), history: history, at: Seed.requestTime.addingTimeInterval(10))
        XCTAssertTrue(result.riskFactors.contains("HIGH_VELOCITY"))
    }

    func testPaymentsOlderThanTheWindow_doNotCount() {
        var history = SubscriberHistory()
        for i in 0..<5 { history.record(Seed.request(), at: Seed.requestTime.addingTimeInterval(Double(i)), limit: 50) }
        let result = scorer.assess(Seed.request(), history: history, at: Seed.requestTime.addingTimeInterval(120))
        XCTAssertFalse(result.riskFactors.contains("HIGH_VELOCITY"))
    }

    func testAmountFarAboveTheSubscribersAverage_isAnAnomaly_andNewRecipientCounts() {
        var history = SubscriberHistory()
        for _ in 0..<3 { history.record(Seed.request(amount: 1_000), at: Seed.requestTime, limit: 50) }
        let result = scorer.assess(
            Seed.request(to: "254722000000", amount: 60_000), history: history, at: Seed.requestTime.addingTimeInterval(7_200))
        XCTAssertEqual(Set(result.riskFactors), ["AMOUNT_ANOMALY", "NEW_RECIPIENT"])
    }

    func testManySignalsTogether_declineAtTheThreshold() {
        var history = SubscriberHistory()
        for i in 0..<5 { history.record(Seed.request(amount: 1_000), at: Seed.requestTime.addingTimeInterval(Double(i)), limit: 50) }
        let result = scorer.assess(
            Seed.request(to: "254722000000", amount: 60_000, device: "IMEI-NEW"), history: history,
            at: Seed.requestTime.addingTimeInterval(10))
        XCTAssertEqual(result.decision, .declined)
        XCTAssertGreaterThanOrEqual(result.score, 0.7)
    }
}
