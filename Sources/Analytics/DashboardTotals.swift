/// Counts since the board started, each transaction counted once per stream.
public struct DashboardTotals: Sendable, Hashable, Codable {
    /// Payment requests seen.
    public var requests: Int = 0
    /// Confirmations with `finalStatus` COMPLETED.
    public var completed: Int = 0
    /// Confirmations with any other final status (FAILED, or one this build does not know).
    public var failed: Int = 0
    /// Fraud answers DECLINED.
    public var fraudDeclined: Int = 0
    /// Fraud answers REVIEW.
    public var fraudReview: Int = 0
    /// Shillings in requests the fraud system declined.
    public var fraudBlockedShillings: Int64 = 0
    /// Redelivered events dropped because their transaction was already counted on that stream.
    public var duplicatesIgnored: Int = 0

    public init() {}
}
