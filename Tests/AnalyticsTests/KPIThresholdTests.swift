import XCTest
@testable import Analytics

final class KPIThresholdTests: XCTestCase {
    func testSuccessRate_aboveTarget_isOk_atTargetOrBelow_isWarning_belowAlert_isCritical() {
        let threshold = KPIThreshold.transactionSuccessRate

        XCTAssertEqual(threshold.status(of: 99.9), .ok)
        XCTAssertEqual(threshold.status(of: 99.5), .warning, "the seed's target is > 99.5%: 99.5 misses it")
        XCTAssertEqual(threshold.status(of: 99.2), .warning)
        XCTAssertEqual(threshold.status(of: 99.0), .warning, "the alert is < 99.0%: 99.0 does not alert")
        XCTAssertEqual(threshold.status(of: 98.0), .critical)
    }

    func testLatency_under2000IsOk_upTo3000IsWarning_above3000IsCritical() {
        let threshold = KPIThreshold.avgProcessingLatency

        XCTAssertEqual(threshold.status(of: 1999), .ok)
        XCTAssertEqual(threshold.status(of: 2000), .warning)
        XCTAssertEqual(threshold.status(of: 2500), .warning)
        XCTAssertEqual(threshold.status(of: 3000), .warning)
        XCTAssertEqual(threshold.status(of: 3500), .critical)
    }

    func testFraudDeclineRate_under2IsOk_upTo5IsWarning_above5IsCritical() {
        let threshold = KPIThreshold.fraudDeclineRate

        XCTAssertEqual(threshold.status(of: 1.5), .ok)
        XCTAssertEqual(threshold.status(of: 3), .warning)
        XCTAssertEqual(threshold.status(of: 6), .critical)
    }

    func testConsumerLag_under1000IsOk_upTo5000IsWarning_above5000IsCritical() {
        let threshold = KPIThreshold.kafkaConsumerLag

        XCTAssertEqual(threshold.status(of: 999), .ok)
        XCTAssertEqual(threshold.status(of: 2000), .warning)
        XCTAssertEqual(threshold.status(of: 5000), .warning)
        XCTAssertEqual(threshold.status(of: 6000), .critical)
    }

    func testStatus_withoutAValue_isNoData_notABadReading() {
        for name in KPIName.allCases {
            XCTAssertEqual(name.threshold.status(of: nil), .noData, "\(name)")
            XCTAssertEqual(name.threshold.status(of: .nan), .noData, "\(name)")
        }
    }

    func testThresholds_carryTheSeedsOwnSpellings() {
        XCTAssertEqual(KPIName.transactionSuccessRate.threshold.targetText, "> 99.5%")
        XCTAssertEqual(KPIName.transactionSuccessRate.threshold.alertText, "< 99.0%")
        XCTAssertEqual(KPIName.avgProcessingLatency.threshold.targetText, "< 2000ms")
        XCTAssertEqual(KPIName.avgProcessingLatency.threshold.alertText, "> 3000ms")
        XCTAssertEqual(KPIName.fraudDeclineRate.threshold.targetText, "< 2%")
        XCTAssertEqual(KPIName.fraudDeclineRate.threshold.alertText, "> 5%")
        XCTAssertEqual(KPIName.kafkaConsumerLag.threshold.targetText, "< 1000 messages")
        XCTAssertEqual(KPIName.kafkaConsumerLag.threshold.alertText, "> 5000 messages")
    }
}
