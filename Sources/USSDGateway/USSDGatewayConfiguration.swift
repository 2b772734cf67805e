import Foundation

/// Everything an operator can tune on the USSD endpoint. Every default is the value the product documents
/// (issue 5, protocol-facts 2.1), so the CLI and tests only name what they change.
public struct USSDGatewayConfiguration: Sendable {
    /// The service codes this gateway answers, exactly as the aggregator sends them. A hop for any other code
    /// gets a clean END: the aggregator may route several codes to one URL.
    public var serviceCodes: Set<String> = ["*334#"]
    /// Longest a session may last, first hop to last. The network's own limit (180 s in Kenya) is the default,
    /// so the gateway never keeps a session the network has already dropped.
    public var sessionLifetime: Duration = .seconds(180)
    /// Longest the gateway waits for the subscriber's next input. The aggregator documents both 30 s and 60 s;
    /// the default is the longer, and `effectiveIdleTimeout` never goes below `networkIdleTimeout`, so the
    /// gateway never ENDs a session the network still holds.
    public var idleTimeout: Duration = .seconds(60)
    /// The network's own idle timeout: the floor for `idleTimeout`.
    public var networkIdleTimeout: Duration = .seconds(60)
    /// Open sessions kept in memory at most. When full, the oldest session goes first; at 180 s per session
    /// this holds more than 500 hops/s of new sessions, and memory stays flat however many arrive.
    public var sessionCapacity: Int = 200_000
    /// How long after a session timed out past its confirm screen a redial is offered "Pending: send ...".
    public var resumeWindow: Duration = .seconds(120)
    /// Pending offers kept at most (oldest dropped first).
    public var pendingCapacity: Int = 100_000
    /// The hop's time budget, under the aggregator's 15 s. Effects that talk to Kafka must finish inside it.
    public var hopBudget: Duration = .seconds(5)
    /// The `message.timeout.ms` the payment-requests producer must use: inside `hopBudget`, with room for the
    /// rest of the hop, so librdkafka gives its final answer (acknowledged, or persisted or not) in time. The
    /// gateway does not own the producer: whoever builds it sets `ProducerConfiguration.messageTimeout` to this.
    public var producerMessageTimeout: Duration = .seconds(4)
    /// Largest request body accepted, in bytes; a bigger one is refused with 400 before it is parsed.
    public var maxBodyBytes: Int = 4_096
    /// Longest `text` accepted, in bytes. A 180 s session cannot honestly type more; a longer `text` is an
    /// error or an attack, answered with a clean END.
    public var maxTextBytes: Int = 640
    /// Ended sessions whose end-of-session notification is remembered (idempotency) and logged, at most.
    public var endLogCapacity: Int = 10_000
    /// Endpoint protection; off by default (the aggregator's calls come from its fixed addresses, set these).
    public var protection: EndpointProtection = EndpointProtection()
    /// Recorded in the payment request's `initiationChannel`.
    public var initiationChannel: String = "USSD"

    public init() {}

    /// `idleTimeout`, never shorter than the network's own.
    public var effectiveIdleTimeout: Duration { max(idleTimeout, networkIdleTimeout) }
}

extension Duration {
    /// The duration in seconds, for arithmetic with `Date`.
    var seconds: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
