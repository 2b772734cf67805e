/// Where a figure stands against the seed's numbers: the colour of its tile on the dashboard.
public enum KPIStatus: String, Sendable, Hashable, Codable {
    /// The seed's target is met.
    case ok
    /// The target is missed but the alert level is not reached.
    case warning
    /// The seed's alert level is crossed.
    case critical
    /// Nothing to measure yet (no traffic in the window): a success rate of no payments is not 0 %,
    /// so it is shown as neither good nor bad.
    case noData = "no-data"
}
