/// Percentiles of a set of durations, by the nearest-rank method (the value below which p % of
/// the samples fall, always one of the samples, so a p99 is a time a handset really waited).
public struct LatencySummary: Hashable, Sendable {
    public private(set) var samples: [Duration]

    public init(_ samples: [Duration] = []) {
        self.samples = samples.sorted()
    }

    public var count: Int { samples.count }

    /// nil when there are no samples; `p` in 0...100.
    public func percentile(_ p: Double) -> Duration? {
        guard !samples.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(samples.count)).rounded(.up))
        return samples[min(max(rank, 1), samples.count) - 1]
    }
}
