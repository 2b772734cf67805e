import CRdKafka

/// An error from the Kafka layer: librdkafka's error code, its name and a readable message.
///
/// A struct with an extensible code rather than an enum, because librdkafka has well over a hundred
/// codes and callers care about a handful (is it retriable, was the message perhaps persisted).
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// librdkafka's `rd_kafka_resp_err_t` value (negative: client-side, positive: broker error).
    public var code: Int32
    /// A short description of what was being attempted when the error happened.
    public var message: String
    /// For a failed delivery: whether librdkafka knows the message was certainly not written, may have
    /// been written, or was written. This is what lets the USSD gateway tell a subscriber
    /// "nothing was charged" only when it is true.
    public var persistence: Persistence?

    public enum Persistence: String, Sendable {
        case notPersisted
        case possiblyPersisted
        case persisted
    }

    public init(code: Int32, message: String, persistence: Persistence? = nil) {
        self.code = code
        self.message = message
        self.persistence = persistence
    }

    init(_ err: rd_kafka_resp_err_t, _ context: String, persistence: Persistence? = nil) {
        self.init(code: err.rawValue, message: context, persistence: persistence)
    }

    /// librdkafka's symbolic name, e.g. `_MSG_TIMED_OUT` or `NOT_LEADER_FOR_PARTITION`.
    public var name: String {
        String(cString: rd_kafka_err2name(rd_kafka_resp_err_t(rawValue: code)))
    }

    /// librdkafka's human description of the code.
    public var reason: String {
        String(cString: rd_kafka_err2str(rd_kafka_resp_err_t(rawValue: code)))
    }

    public var description: String {
        var text = "\(message): \(reason) (\(name))"
        if let persistence { text += ", message \(persistence.rawValue)" }
        return text
    }

    /// A configuration problem found before any client was created.
    public static func configuration(_ message: String) -> KafkaError {
        KafkaError(code: RD_KAFKA_RESP_ERR__INVALID_ARG.rawValue, message: message)
    }

    /// The enqueue queue of the producer is full (backpressure).
    public var isQueueFull: Bool { code == RD_KAFKA_RESP_ERR__QUEUE_FULL.rawValue }
    /// The message timed out in the producer before the broker acknowledged it.
    public var isTimedOut: Bool { code == RD_KAFKA_RESP_ERR__MSG_TIMED_OUT.rawValue }
}
