/// End-to-end latencies in fixed buckets: constant memory per minute, mergeable across minutes, and
/// precise enough for an average (kept exactly) and a 95th percentile (interpolated).
///
/// The bounds are dense around the seed's numbers (2 s target, 3 s alert and p95 target) where a
/// percentile matters most.
struct LatencyHistogram: Sendable, Hashable {
    /// Upper bounds of the buckets in milliseconds; one more bucket holds everything above the last.
    static let boundsMs: [Double] = [
        50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 7500, 10000, 20000, 30000,
    ]

    private(set) var counts = [Int](repeating: 0, count: LatencyHistogram.boundsMs.count + 1)
    private(set) var count = 0
    private(set) var totalMs: Double = 0
    private(set) var minMs: Double = .infinity
    private(set) var maxMs: Double = 0

    /// Adds one latency. A negative one (clocks of two hosts disagreeing) counts as zero.
    mutating func observe(_ milliseconds: Double) {
        let ms = milliseconds.isFinite ? max(0, milliseconds) : 0
        let index = LatencyHistogram.boundsMs.firstIndex { ms <= $0 } ?? LatencyHistogram.boundsMs.count
        counts[index] += 1
        count += 1
        totalMs += ms
        minMs = min(minMs, ms)
        maxMs = max(maxMs, ms)
    }

    mutating func merge(_ other: LatencyHistogram) {
        guard other.count > 0 else { return }
        for index in counts.indices {
            counts[index] += other.counts[index]
        }
        count += other.count
        totalMs += other.totalMs
        minMs = min(minMs, other.minMs)
        maxMs = max(maxMs, other.maxMs)
    }

    var averageMs: Double? { Percent.mean(totalMs, count) }

    /// The `q` quantile (0…1): linear within the bucket that holds it, as Prometheus's
    /// `histogram_quantile` does, then clamped to the smallest and largest sample, so a handful of
    /// equal samples reports their value rather than a bucket edge.
    func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = min(max(q, 0), 1) * Double(count)
        var below = 0
        for (index, inBucket) in counts.enumerated() where inBucket > 0 {
            if Double(below + inBucket) >= rank {
                let lower = index == 0 ? 0 : LatencyHistogram.boundsMs[index - 1]
                let upper = index < LatencyHistogram.boundsMs.count ? LatencyHistogram.boundsMs[index] : maxMs
                let estimate = lower + (upper - lower) * (rank - Double(below)) / Double(inBucket)
                return min(max(estimate, minMs), maxMs)
            }
            below += inBucket
        }
        return maxMs
    }
}
