import Metrics

/// The ESME's link metrics (swift-metrics): parts submitted and their responses, throttling answers,
/// and the window in use, which together show whether the SMSC or our rate limit is the bottleneck.
enum ESMEMetrics {
    static let submittedParts = "pesagate_smpp_submitted_parts_total"
    static let responses = "pesagate_smpp_responses_total"
    static let throttled = "pesagate_smpp_throttled_total"
    static let windowInUse = "pesagate_smpp_window_in_use"

    static func submitted(_ count: Int, windowInUse: Int) {
        if count > 0 { Counter(label: submittedParts).increment(by: count) }
        Gauge(label: ESMEMetrics.windowInUse).record(windowInUse)
    }

    static func response(_ status: CommandStatus, windowInUse: Int) {
        let outcome = status.isOK ? "accepted" : status.asksToSlowDown ? "throttled" : "rejected"
        Counter(label: responses, dimensions: [("outcome", outcome)]).increment()
        if status.asksToSlowDown { Counter(label: throttled).increment() }
        Gauge(label: ESMEMetrics.windowInUse).record(windowInUse)
    }
}
