/// Exponential backoff with full jitter: attempt n (from 1) waits a random time in
/// `0 ... min(cap, base · 2^(n-1))`. Jitter spreads the retries of many records that failed together
/// (a broker failover), so they do not all hit the recovering system at the same instant.
public struct RetryPolicy: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration
    /// Tries in all, the first included; at least 1.
    public var attempts: Int

    public init(base: Duration, cap: Duration, attempts: Int) {
        self.base = base
        self.cap = cap
        self.attempts = max(1, attempts)
    }

    /// The upper bound of the wait after failed attempt `attempt` (1-based): `min(cap, base · 2^(attempt-1))`.
    public func ceiling(afterAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let grown = base * (1 << exponent)
        return grown > cap ? cap : grown
    }

    /// The wait after failed attempt `attempt`, drawn with `generator`.
    public func delay(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let ceiling = ceiling(afterAttempt: attempt)
        let nanos = ceiling.components.seconds * 1_000_000_000 + ceiling.components.attoseconds / 1_000_000_000
        guard nanos > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...nanos, using: &generator))
    }
}
