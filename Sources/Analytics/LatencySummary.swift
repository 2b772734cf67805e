/// End-to-end processing latency (request `timestamp` to confirmation `completionTime`) over the rate window.
public struct LatencySummary: Sendable, Hashable, Codable {
    /// Payments whose request and confirmation were both seen.
    public let samples: Int
    public let averageMs: Double?
    /// Estimated from a fixed-bucket histogram (interpolated within the bucket, clamped to the smallest and
    /// largest sample), so memory stays constant however many payments pass.
    public let p95Ms: Double?
    public let maxMs: Double?
    /// The seed's end-to-end target: under 3 seconds at the 95th percentile.
    public let p95TargetMs: Double
    /// ``p95Ms`` against ``p95TargetMs``: ok below it, critical above it.
    public let p95Status: KPIStatus

    public init(samples: Int, averageMs: Double?, p95Ms: Double?, maxMs: Double?) {
        self.samples = samples
        self.averageMs = averageMs
        self.p95Ms = p95Ms
        self.maxMs = maxMs
        self.p95TargetMs = LatencySummary.seedP95TargetMs
        if let p95Ms {
            self.p95Status = p95Ms < LatencySummary.seedP95TargetMs ? .ok : .critical
        } else {
            self.p95Status = .noData
        }
    }

    /// "End-to-end Processing: < 3 seconds (95th percentile)".
    public static let seedP95TargetMs: Double = 3000
}
