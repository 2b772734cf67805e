/// How much history the analytics board keeps and how it summarises it.
///
/// Two windows, because they answer two questions: the volume chart shows the recent past minute by minute
/// (``historyMinutes``), while the rates (KPIs, validation systems, latency, locations, fraud effectiveness)
/// describe *now*, over the same 5 minutes the Prometheus alert rules in `config/alerts.yml` use, so the
/// page and the pager never disagree about whether something is wrong.
public struct AnalyticsConfiguration: Sendable, Hashable {
    /// Minutes of per-minute history: the bars of the volume chart, and how long a transaction id is
    /// remembered to drop redelivered events. Default 15.
    public var historyMinutes: Int
    /// Minutes the rates are computed over; at most ``historyMinutes``. Default 5, as the alert rules.
    public var rateWindowMinutes: Int
    /// How many locations the distribution names before lumping the rest into `other`. Default 8.
    public var topLocations: Int
    /// Distinct locations kept per minute; further names count as `other`, so a flood of made-up
    /// locations cannot grow memory without bound. Default 500.
    public var maxLocationsPerMinute: Int

    public init(
        historyMinutes: Int = 15, rateWindowMinutes: Int = 5, topLocations: Int = 8,
        maxLocationsPerMinute: Int = 500
    ) {
        self.historyMinutes = max(1, historyMinutes)
        self.rateWindowMinutes = min(max(1, rateWindowMinutes), self.historyMinutes)
        self.topLocations = max(1, topLocations)
        self.maxLocationsPerMinute = max(1, maxLocationsPerMinute)
    }
}
