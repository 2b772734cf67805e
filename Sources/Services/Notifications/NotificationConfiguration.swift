import Foundation
import SMPP

/// How the notification service runs; every field has the default `pesagate run` gets.
public struct NotificationConfiguration: Sendable {
    /// The zone SMS dates and times are written in. Subscribers read East Africa Time; the seed's
    /// example prints its UTC timestamp, so seed tests set `.gmt`.
    public var timeZone: TimeZone = .nairobi
    /// The confirmation texts (English and Kiswahili); read and checked once at start.
    public var textsPath: String = "config/sms-texts.yaml"
    /// The SQLite outbox file (WAL), created if missing; `pesagate run` puts it under `--data`.
    public var outboxPath: String = "data/sms-outbox.sqlite"
    /// An SMS not sent or not delivered this long after the payment completed is expired instead:
    /// a confirmation arriving a day late confuses more than it helps. Also sent to the SMSC as the
    /// message's `validity_period`.
    public var maxAge: Duration = .seconds(24 * 3600)
    /// Sends of one SMS through the ESME before it is marked failed (the ESME already retries
    /// throttling and lost links by itself; this bounds timeouts and nacks).
    public var maxAttempts: Int = 5
    /// Rows taken from the outbox per batch.
    public var batchSize: Int = 100
    /// Batches queued on the links while earlier ones still wait for their answers: with one, the
    /// window drains at the end of every batch; a few keep it full.
    public var batchesInFlight: Int = 4
    /// How often an idle sender looks for queued rows, receipts to publish and stale rows.
    public var pollInterval: Duration = .milliseconds(50)
    /// The alphanumeric sender (TON 5) subscribers see.
    public var sender: String = "MPESA"
    /// The consumer group reading `payment-confirmations`.
    public var consumerGroup: String = "sms-gateway-cg"
    /// The SMPP links to SMSCs, with the numbers each serves (``SMSCRoutingTable``); one link to
    /// the embedded simulator by default.
    public var links: [SMSCLinkConfiguration] = [SMSCLinkConfiguration(name: "smsc", esme: ESMEConfiguration())]
    /// How long a link may stay down before its unsent messages go over another link that serves them.
    public var failoverAfter: Duration = .seconds(5)

    /// The first link's settings: the only link in a single-SMSC set-up.
    public var esme: ESMEConfiguration {
        get { links[0].esme }
        set { links[0].esme = newValue }
    }

    public init() {}
}

extension NotificationConfiguration {
    /// ``maxAge`` for `Date` arithmetic.
    var maxAgeInterval: TimeInterval {
        let (seconds, attoseconds) = maxAge.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
