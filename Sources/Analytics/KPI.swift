/// One key performance indicator as the dashboard shows it: the value, the seed's numbers, the verdict.
public struct KPI: Sendable, Hashable, Codable {
    public let name: KPIName
    public let title: String
    /// In ``unit``; nil when there is nothing to measure.
    public let value: Double?
    public let unit: String
    public let target: Double
    public let alert: Double
    /// The seed's spelling, e.g. `> 99.5%`.
    public let targetText: String
    /// The seed's spelling, e.g. `< 99.0%`.
    public let alertText: String
    public let status: KPIStatus

    public init(_ name: KPIName, value: Double?) {
        let threshold = name.threshold
        self.name = name
        self.title = name.title
        self.value = value
        self.unit = threshold.unit
        self.target = threshold.target
        self.alert = threshold.alert
        self.targetText = threshold.targetText
        self.alertText = threshold.alertText
        self.status = threshold.status(of: value)
    }
}
