import Foundation
import XCTest

/// `config/alerts.yml` is checked and unit-tested by Prometheus's own tool, so a rule that does not parse,
/// or that fires at the wrong level, fails the Swift suite. The scenarios live in `config/alerts.test.yml`.
final class AlertRulesTests: XCTestCase {
    func testAlertRules_passPromtoolCheck() throws {
        let promtool = try ExternalTool.require("promtool")
        let root = try ExternalTool.repositoryRoot()

        let result = try promtool.run(["check", "rules", "config/alerts.yml"], in: root)

        XCTAssertEqual(result.status, 0, result.transcript)
        XCTAssertTrue(result.transcript.contains("SUCCESS"), result.transcript)
    }

    func testAlertRules_passTheirPromtoolUnitTests() throws {
        let promtool = try ExternalTool.require("promtool")
        let root = try ExternalTool.repositoryRoot()

        let result = try promtool.run(["test", "rules", "config/alerts.test.yml"], in: root)

        XCTAssertEqual(result.status, 0, result.transcript)
        XCTAssertTrue(result.transcript.contains("SUCCESS"), result.transcript)
    }

    func testAlertRules_coverEveryKPIAtBothLevels() throws {
        let root = try ExternalTool.repositoryRoot()
        let rules = try String(contentsOf: root.appendingPathComponent("config/alerts.yml"), encoding: .utf8)

        for kpi in ["transaction-success-rate", "avg-processing-latency", "fraud-decline-rate", "kafka-consumer-lag"] {
            XCTAssertEqual(rules.components(separatedBy: "kpi: \(kpi)").count - 1, 2, kpi)
        }
        for metric in ["pesagate_payments_total", "pesagate_payment_processing_seconds_sum",
                       "pesagate_payment_processing_seconds_count", "pesagate_fraud_decisions_total",
                       "pesagate_kafka_consumer_lag", "pesagate_dlq_size", "pesagate_sms_outbox_depth",
                       "pesagate_smpp_throttled_total"] {
            XCTAssertTrue(rules.contains(metric), metric)
        }
    }
}
