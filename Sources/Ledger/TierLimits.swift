import Payments

/// Per-transaction and daily limits of each KYC tier, checked by core atomically with the hold.
///
/// Passed in by the caller (the revenue service's table is data), so core and revenue check the same
/// numbers. A tier missing from the table gets the most restrictive configured limits rather than none.
public struct TierLimits: Sendable, Hashable, Codable {
    /// The limits of one tier.
    public struct Limits: Sendable, Hashable, Codable {
        /// Largest amount of one payment (the fee not included).
        public var perTransaction: Money
        /// Largest total of the amounts a sender may move in one day (held or executed).
        public var daily: Money

        public init(perTransaction: Money, daily: Money) {
            self.perTransaction = perTransaction
            self.daily = daily
        }
    }

    public var tiers: [Int: Limits]

    public init(tiers: [Int: Limits]) {
        precondition(!tiers.isEmpty, "at least one tier")
        self.tiers = tiers
    }

    /// The limits of `tier`, or the lowest tier's when `tier` has none.
    public func limits(forTier tier: Int) -> Limits {
        if let limits = tiers[tier] { return limits }
        return tiers.values.min { $0.daily < $1.daily }!
    }

    /// Defaults: tier 1 matches the seed's revenue event (daily limit 70,000); tier 2 the public
    /// M-PESA limits (250,000 per transaction, 500,000 a day); tier 0 a minimal-KYC wallet.
    public static let `default` = TierLimits(tiers: [
        0: Limits(perTransaction: 10_000, daily: 20_000),
        1: Limits(perTransaction: 70_000, daily: 70_000),
        2: Limits(perTransaction: 250_000, daily: 500_000),
    ])
}
