/// How one validation system (fraud, revenue or core) answered over the rate window.
///
/// "Success" is the answer that lets a payment proceed: APPROVED for fraud and revenue, RESERVED for core;
/// "failure" is DECLINED or FAILED. A fraud REVIEW and any answer this build does not know are counted
/// apart, and neither counts as a success.
public struct ValidationSystemStats: Sendable, Hashable, Codable {
    /// `FRAUD`, `REVENUE` or `CORE`, as ``Payments/ValidationSystem``.
    public let system: String
    public let succeeded: Int
    public let failed: Int
    public let review: Int
    public let unknown: Int
    /// All answers: the four counts above added up.
    public let answered: Int
    /// `succeeded / answered` in percent; nil with no answers.
    public let successPercent: Double?
    /// `failed / answered` in percent; nil with no answers.
    public let failurePercent: Double?
    /// Mean of the answers' `processingTime`, when the system reports one (revenue does not).
    public let averageProcessingMs: Double?
    /// The seed's latency target for this system (90th percentile): fraud 100, revenue 80, core 200 ms.
    public let targetMs: Int
    /// Share of timed answers within ``targetMs``, in percent; the seed wants at least 90.
    public let withinTargetPercent: Double?

    public init(
        system: String, succeeded: Int, failed: Int, review: Int, unknown: Int, averageProcessingMs: Double?,
        targetMs: Int, withinTargetPercent: Double?
    ) {
        self.system = system
        self.succeeded = succeeded
        self.failed = failed
        self.review = review
        self.unknown = unknown
        self.answered = succeeded + failed + review + unknown
        self.successPercent = Percent.of(succeeded, answered)
        self.failurePercent = Percent.of(failed, answered)
        self.averageProcessingMs = averageProcessingMs
        self.targetMs = targetMs
        self.withinTargetPercent = withinTargetPercent
    }
}
