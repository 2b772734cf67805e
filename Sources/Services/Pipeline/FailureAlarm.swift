import Foundation
import Logging
import Synchronization

/// Tells a one-off failure from a systematic one: more than `threshold` failures within `window` raise
/// an alert (an error log line and the `alerts` counter), at most once per window, so a flood of bad
/// records pages an operator once instead of once per record.
public final class FailureAlarm: Sendable {
    private struct State {
        var failures: [Date] = []
        var lastAlert: Date?
    }

    private let threshold: Int
    private let window: TimeInterval
    private let state = Mutex(State())
    private let metrics: PipelineMetrics
    private let logger: Logger

    public init(threshold: Int, window: Duration, metrics: PipelineMetrics, logger: Logger) {
        self.threshold = max(1, threshold)
        self.window = window.pipelineSeconds
        self.metrics = metrics
        self.logger = logger
    }

    /// Records one failure at `now`; returns true when this failure raised an alert.
    @discardableResult
    public func record(at now: Date, service: String, reason: String) -> Bool {
        let raise = state.withLock { state -> Bool in
            state.failures.removeAll { now.timeIntervalSince($0) > window }
            state.failures.append(now)
            guard state.failures.count > threshold else { return false }
            if let last = state.lastAlert, now.timeIntervalSince(last) < window { return false }
            state.lastAlert = now
            return true
        }
        if raise {
            metrics.add(.alerts)
            logger.error(
                "ALERT systematic failures: more than \(threshold) in \(Int(window)) s",
                metadata: ["service": "\(service)", "lastError": "\(reason)"])
        }
        return raise
    }
}
