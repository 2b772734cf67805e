import Foundation
import Logging
import Payments
import Synchronization

/// Chooses the engine that answers: the primary while it is switched on and works, the backup otherwise.
/// Each switch to the backup and each way back is logged once and counted, so an operator sees both the
/// outage and the recovery without a log line per payment.
public final class FraudFailover: Sendable {
    let primary: any FraudEngine
    let backup: any FraudEngine
    private let primaryEnabled: Atomic<Bool>
    private let onBackup = Mutex(false)
    private let metrics: PipelineMetrics
    private let logger: Logger

    public init(primary: any FraudEngine, backup: any FraudEngine, primaryEnabled: Bool = true,
                metrics: PipelineMetrics, logger: Logger) {
        self.primary = primary
        self.backup = backup
        self.primaryEnabled = Atomic(primaryEnabled)
        self.metrics = metrics
        self.logger = logger
    }

    /// The operator's switch: false routes everything to the backup until switched on again.
    public func setPrimaryEnabled(_ enabled: Bool) {
        primaryEnabled.store(enabled, ordering: .relaxed)
    }

    /// Whether the last answer came from the backup.
    public var isOnBackup: Bool { onBackup.withLock { $0 } }

    /// The primary's assessment, or the backup's when the primary is off or throws.
    public func assess(_ request: PaymentRequest, history: SubscriberHistory, at time: Date) throws -> FraudAssessment {
        if primaryEnabled.load(ordering: .relaxed) {
            do {
                let assessment = try primary.assess(request, history: history, at: time)
                switchTo(backup: false, reason: "primary answered")
                return assessment
            } catch {
                switchTo(backup: true, reason: "primary failed: \(error)")
            }
        } else {
            switchTo(backup: true, reason: "primary switched off")
        }
        return try backup.assess(request, history: history, at: time)
    }

    private func switchTo(backup: Bool, reason: String) {
        let changed = onBackup.withLock { state -> Bool in
            guard state != backup else { return false }
            state = backup
            return true
        }
        guard changed else { return }
        if backup {
            metrics.add(.fraudFailovers)
            logger.error("fraud: switched to the backup rules engine (\(reason))")
        } else {
            metrics.add(.fraudRecoveries)
            logger.notice("fraud: back on the primary scorer (\(reason))")
        }
    }
}
