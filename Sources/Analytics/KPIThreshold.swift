/// A KPI's target and alert level, with the rule that turns a value into a ``KPIStatus``.
///
/// The seed writes each KPI as a target the system should meet (`threshold: "> 99.5%"`) and a level that
/// pages someone (`alert: "< 99.0%"`). Both comparisons are strict, as written: exactly 99.5 % misses the
/// target, exactly 99.0 % does not yet alert. `config/alerts.yml` draws the same lines.
public struct KPIThreshold: Sendable, Hashable, Codable {
    /// Which way is good.
    public enum Direction: String, Sendable, Hashable, Codable {
        case higherIsBetter = "higher-is-better"
        case lowerIsBetter = "lower-is-better"
    }

    public let direction: Direction
    /// The value the target names, in ``unit``.
    public let target: Double
    /// The value the alert names, in ``unit``.
    public let alert: Double
    /// `%`, `ms` or `messages`.
    public let unit: String
    /// The seed's own spelling of the target, e.g. `> 99.5%`.
    public let targetText: String
    /// The seed's own spelling of the alert, e.g. `< 99.0%`.
    public let alertText: String

    public init(direction: Direction, target: Double, alert: Double, unit: String, targetText: String, alertText: String) {
        self.direction = direction
        self.target = target
        self.alert = alert
        self.unit = unit
        self.targetText = targetText
        self.alertText = alertText
    }

    /// `ok` when the target is met, `critical` past the alert level, `warning` in between, `noData`
    /// when there is no value.
    public func status(of value: Double?) -> KPIStatus {
        guard let value, value.isFinite else { return .noData }
        switch direction {
        case .higherIsBetter:
            if value > target { return .ok }
            return value < alert ? .critical : .warning
        case .lowerIsBetter:
            if value < target { return .ok }
            return value > alert ? .critical : .warning
        }
    }

    public static let transactionSuccessRate = KPIThreshold(
        direction: .higherIsBetter, target: 99.5, alert: 99.0, unit: "%", targetText: "> 99.5%", alertText: "< 99.0%")
    public static let avgProcessingLatency = KPIThreshold(
        direction: .lowerIsBetter, target: 2000, alert: 3000, unit: "ms", targetText: "< 2000ms", alertText: "> 3000ms")
    public static let fraudDeclineRate = KPIThreshold(
        direction: .lowerIsBetter, target: 2, alert: 5, unit: "%", targetText: "< 2%", alertText: "> 5%")
    public static let kafkaConsumerLag = KPIThreshold(
        direction: .lowerIsBetter, target: 1000, alert: 5000, unit: "messages",
        targetText: "< 1000 messages", alertText: "> 5000 messages")
}
