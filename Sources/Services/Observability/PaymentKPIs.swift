import Foundation
import Metrics
import Payments

/// The seed's KPIs as swift-metrics instruments: whatever metrics backend the process bootstraps
/// (Prometheus in `pesagate`) exports them; without one they cost nothing. The names are the ones
/// `config/alerts.yml` and the dashboard read: change them together.
public enum PaymentKPIs {
    /// Final statuses (`final_status` COMPLETED/FAILED): the transaction success rate.
    public static let paymentsTotal = "pesagate_payments_total"
    /// First sight of the payment to its confirmation: the average processing latency.
    public static let processingSeconds = "pesagate_payment_processing_seconds"
    /// Fraud answers by `decision`: the fraud decline rate.
    public static let fraudDecisions = "pesagate_fraud_decisions_total"
    /// Handler time per pipeline `stage` (fraud-management, revenue-management, mpesa-core, …).
    public static let stageSeconds = "pesagate_stage_seconds"
    /// Pipeline happenings by `event` (retries, poison records, failovers, timeouts…).
    public static let pipelineEvents = "pesagate_pipeline_events_total"

    /// Counts one confirmation and its end-to-end time.
    static func recordConfirmation(_ confirmation: PaymentConfirmation, firstSeen: Date, now: Date) {
        Counter(label: paymentsTotal, dimensions: [("final_status", confirmation.finalStatus.rawValue)]).increment()
        Metrics.Timer(label: processingSeconds).recordSeconds(max(0, now.timeIntervalSince(firstSeen)))
    }

    /// Counts one freshly computed fraud answer (a republished stored answer is not a new decision).
    static func recordFraud(_ decision: FraudDecision) {
        Counter(label: fraudDecisions, dimensions: [("decision", decision.rawValue)]).increment()
    }

    /// Records how long one service spent on one record.
    static func recordStage(_ stage: String, since start: ContinuousClock.Instant) {
        Metrics.Timer(label: stageSeconds, dimensions: [("stage", stage)]).record(duration: ContinuousClock.now - start)
    }

    static func recordPipelineEvent(_ counter: PipelineCounter, _ amount: Int) {
        Counter(label: pipelineEvents, dimensions: [("event", counter.rawValue)]).increment(by: amount)
    }
}
