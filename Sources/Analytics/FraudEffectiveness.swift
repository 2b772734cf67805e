/// What the fraud system caught over the rate window, and whether it answered in time.
public struct FraudEffectiveness: Sendable, Hashable, Codable {
    public let approved: Int
    public let declined: Int
    public let review: Int
    /// Answers this build does not know (neither APPROVED, DECLINED nor REVIEW).
    public let unknown: Int
    /// `declined / all answers` in percent: the KPI `fraud-decline-rate`.
    public let declinePercent: Double?
    /// Shillings in the declined requests: the value fraud blocked.
    public let blockedShillings: Int64
    /// Mean `fraudScore` of DECLINED answers; a healthy model keeps it well above the approved mean.
    public let averageScoreDeclined: Double?
    /// Mean `fraudScore` of APPROVED answers.
    public let averageScoreApproved: Double?
    /// Share of answers whose `processingTime` was within ``targetMs``, in percent.
    public let withinTargetPercent: Double?
    /// The seed's fraud analysis target: 100 ms.
    public let targetMs: Int
    /// The seed's target is a 90th percentile, so at least 90 % of answers should be within ``targetMs``.
    public let targetPercent: Double

    public init(
        approved: Int, declined: Int, review: Int, unknown: Int, blockedShillings: Int64,
        averageScoreDeclined: Double?, averageScoreApproved: Double?, withinTargetPercent: Double?
    ) {
        self.approved = approved
        self.declined = declined
        self.review = review
        self.unknown = unknown
        self.declinePercent = Percent.of(declined, approved + declined + review + unknown)
        self.blockedShillings = blockedShillings
        self.averageScoreDeclined = averageScoreDeclined
        self.averageScoreApproved = averageScoreApproved
        self.withinTargetPercent = withinTargetPercent
        self.targetMs = SeedLatencyTargets.fraudMs
        self.targetPercent = 90
    }
}
