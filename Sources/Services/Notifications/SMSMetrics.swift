import Foundation
import Metrics

/// The SMS outbox's metrics (swift-metrics): final states, and the time from the SMSC's acceptance to
/// the delivery receipt, the figure operators watch to see an SMSC or a network falling behind.
public enum SMSMetrics {
    static let finishedTotal = "pesagate_sms_finished_total"
    static let receiptSeconds = "pesagate_sms_receipt_seconds"
    /// Rows not yet final (queued or submitted), sampled by `pesagate`.
    public static let outboxDepth = "pesagate_sms_outbox_depth"

    static let failedOverTotal = "pesagate_sms_failed_over_total"

    /// Messages given back by a link that stayed down, to go over another.
    static func failedOver(_ count: Int, from link: String) {
        Counter(label: failedOverTotal, dimensions: [("smsc", link)]).increment(by: count)
    }

    static func finished(_ row: OutboxSMS) {
        Counter(label: finishedTotal, dimensions: [("state", row.state.rawValue)]).increment()
        if row.state == .delivered, let submitted = row.submittedAt, let finished = row.finishedAt, finished >= submitted {
            Metrics.Timer(label: receiptSeconds).recordMilliseconds(finished - submitted)
        }
    }
}
