/// The seed's "Latency Targets" for the validation systems (each a 90th percentile).
enum SeedLatencyTargets {
    static let fraudMs = 100
    static let revenueMs = 80
    static let coreMs = 200
}
