/// Spaces sends evenly at a fixed rate (no bursts): operators count parts per second and
/// throttle a link that exceeds it even briefly.
struct RateLimiter: Sendable {
    private let interval: Duration
    private var nextAllowed: ContinuousClock.Instant?

    init(perSecond rate: Double) {
        interval = .nanoseconds(Int64(1_000_000_000 / max(rate, 0.001)))
    }

    /// When the next send may go, nil if now.
    func delay(now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        guard let nextAllowed, nextAllowed > now else { return nil }
        return nextAllowed
    }

    mutating func recordSend(now: ContinuousClock.Instant) {
        let base = max(nextAllowed ?? now, now)
        nextAllowed = base + interval
    }
}
