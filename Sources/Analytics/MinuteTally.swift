/// Everything counted in one minute. Windows of any length are sums of these.
struct MinuteTally: Sendable, Hashable {
    var requests = 0
    var completed = 0
    var failed = 0
    var fraud = DecisionTally()
    var revenue = DecisionTally()
    var core = DecisionTally()
    var fraudScoreApproved: Double = 0
    var fraudScoreDeclined: Double = 0
    var blockedShillings: Int64 = 0
    var latency = LatencyHistogram()
    /// Requests per normalised location.
    var locations: [String: Int] = [:]

    /// Counts a request from `location`; past `limit` distinct names, new ones count as `other`.
    mutating func countLocation(_ location: String, limit: Int) {
        if locations[location] == nil, locations.count >= limit {
            locations[LocationShare.other, default: 0] += 1
        } else {
            locations[location, default: 0] += 1
        }
    }

    mutating func merge(_ other: MinuteTally) {
        requests += other.requests
        completed += other.completed
        failed += other.failed
        fraud.merge(other.fraud)
        revenue.merge(other.revenue)
        core.merge(other.core)
        fraudScoreApproved += other.fraudScoreApproved
        fraudScoreDeclined += other.fraudScoreDeclined
        blockedShillings = blockedShillings.addingSaturated(other.blockedShillings)
        latency.merge(other.latency)
        locations.merge(other.locations, uniquingKeysWith: +)
    }
}

extension Int64 {
    /// `self + other`, stuck at the bounds instead of trapping: amounts come from outside, and a
    /// dashboard figure must not crash the process.
    func addingSaturated(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}
