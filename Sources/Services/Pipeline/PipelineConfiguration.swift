import Foundation

/// Everything the pipeline services can be tuned with, one default per field, so `pesagate run` and
/// `pesagate service NAME` only name what they change. Paths are relative to the process's working
/// directory unless absolute; the CLI prefixes them with `--data`.
public struct PipelineConfiguration: Sendable, Hashable {
    /// How long the orchestrator waits for all three answers after it first sees a payment (the seed's
    /// 5 seconds). A payment still undecided then is declined, released and parked on `payment-dlq`.
    public var decisionTimeout: Duration = .seconds(5)
    /// How long after that deadline the orchestrator still reads answers that were *produced* in time
    /// (by their Kafka timestamp) before it declines for a timeout. The seed's rule is about the
    /// validation systems answering within 5 s; an answer they gave in time but this orchestrator read
    /// late (an instance died and its partitions were being handed over) must not decline the payment.
    /// An answer produced after the deadline still declines it as soon as it is read.
    public var lateAnswerGrace: Duration = .seconds(10)
    /// How often the orchestrator's timer loop looks for overdue deadlines. Small enough that a timeout
    /// fires within a tick of its deadline, large enough that an idle store costs nothing.
    public var timerInterval: Duration = .milliseconds(100)
    /// How long after EXECUTE a missing COMPLETED raises an alert (never a release: once EXECUTE is sent,
    /// money may have moved, so only a human decides).
    public var completionAlertAfter: Duration = .seconds(30)
    /// First retry delay of a transient failure; doubles per attempt (with full jitter).
    public var retryBase: Duration = .milliseconds(50)
    /// Largest retry delay, whatever the attempt number.
    public var retryCap: Duration = .seconds(2)
    /// Attempts of a transient failure (the first try included) before the record is parked as TRANSIENT.
    public var retryAttempts: Int = 5
    /// Failures (poison or exhausted retries) within ``alertWindow`` that make the failures "systematic":
    /// an error log line and the `alerts` counter.
    public var alertThreshold: Int = 10
    /// The sliding window of ``alertThreshold``.
    public var alertWindow: Duration = .seconds(60)
    /// SQLite file of the fraud and revenue services' stored answers (idempotency keyed by
    /// (transactionId, step)); instances of one service must share it.
    public var answerStorePath: String = "pipeline-answers.sqlite"
    /// SQLite file of the orchestrator's join rows, deadlines and outgoing events; every orchestrator
    /// instance must open the same file (that is what makes the join correct across instances).
    public var orchestratorStorePath: String = "orchestrator.sqlite"
    /// SQLite file where the dead-letter handler records `payment-dlq` for `pesagate dlq list/replay`.
    public var deadLetterStorePath: String = "dead-letters.sqlite"
    /// The compliance archive of `audit-trail` (relative paths resolve in the data directory).
    public var auditArchivePath: String = "audit-archive.sqlite"
    /// The fraud rules and thresholds (YAML, ``FraudRules``).
    public var fraudRulesPath: String = "config/fraud-rules.yaml"
    /// The tariff bands and KYC tier limits (YAML, ``TariffTable``).
    public var tariffsPath: String = "config/tariffs.yaml"
    /// Whether the primary fraud scorer answers; false routes every request to the backup rules engine
    /// (an operator switch for a misbehaving primary).
    public var primaryFraudEngineEnabled: Bool = true
    /// Largest number of outbox rows core publishes per round.
    public var outboxBatchSize: Int = 500

    public init() {}

    /// The retry policy these fields describe.
    public var retryPolicy: RetryPolicy {
        RetryPolicy(base: retryBase, cap: retryCap, attempts: retryAttempts)
    }

    /// `path` prefixed with `directory` unless it is absolute.
    public func resolved(_ path: String, in directory: String?) -> String {
        guard let directory, !path.hasPrefix("/") else { return path }
        return (directory as NSString).appendingPathComponent(path)
    }
}
