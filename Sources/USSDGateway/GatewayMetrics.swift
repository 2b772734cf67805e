import Foundation
import Metrics

/// The USSD channel's metrics (swift-metrics; exported by whatever backend `pesagate` bootstraps):
/// sessions opened, hops answered (by `kind` CON/END), hop latency, and session ends by the aggregator's
/// `status` (Success, Incomplete, Failed…), the outcome operators track.
enum GatewayMetrics {
    static let sessionsOpened = "pesagate_ussd_sessions_total"
    static let hops = "pesagate_ussd_hops_total"
    static let hopSeconds = "pesagate_ussd_hop_seconds"
    static let sessionEnds = "pesagate_ussd_session_ends_total"
    static let openSessions = "pesagate_ussd_open_sessions"

    static func recordHop(_ reply: USSDReply, newSession: Bool, since start: ContinuousClock.Instant, open: Int) {
        if newSession { Counter(label: sessionsOpened).increment() }
        Counter(label: hops, dimensions: [("kind", reply.isEnd ? "END" : "CON")]).increment()
        Metrics.Timer(label: hopSeconds).record(duration: ContinuousClock.now - start)
        Gauge(label: openSessions).record(open)
    }

    /// The aggregator's statuses; anything else counts as `Other`, so a caller cannot mint label values.
    static let knownStatuses: Set<String> = ["Success", "Incomplete", "Failed"]

    static func recordEnd(status: String) {
        let label = knownStatuses.contains(status) ? status : "Other"
        Counter(label: sessionEnds, dimensions: [("status", label)]).increment()
    }
}
