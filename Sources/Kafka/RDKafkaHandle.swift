import CRdKafka
import Logging
import Synchronization

/// Owns one `rd_kafka_t`. librdkafka documents its handle as thread-safe for the calls this layer makes
/// (produce, poll, commit, seek, metadata), which is why the wrapper may be shared across threads.
final class RDKafkaHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    /// Kept alive as long as the handle: librdkafka calls back into it until `rd_kafka_destroy` returns.
    let callbacks: RDKafkaCallbacks
    private let destroyed = Atomic<Bool>(false)

    init(type: rd_kafka_type_t, properties: [String: String], callbacks: RDKafkaCallbacks) throws(KafkaError) {
        let conf = try RDKafkaHandle.makeConf(properties)
        self.callbacks = callbacks
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(callbacks).toOpaque())
        rd_kafka_conf_set_log_cb(conf) { rk, level, facility, message in
            guard let rk, let context = RDKafkaCallbacks.from(rk) else { return }
            context.log(level: level, facility: facility.map { String(cString: $0) } ?? "",
                        message: message.map { String(cString: $0) } ?? "")
        }
        rd_kafka_conf_set_error_cb(conf) { rk, err, reason, _ in
            guard let rk, let context = RDKafkaCallbacks.from(rk) else { return }
            context.clientError(code: rd_kafka_resp_err_t(rawValue: err), reason: reason.map { String(cString: $0) } ?? "")
        }
        callbacks.configure(conf)
        var errstr = [CChar](repeating: 0, count: 512)
        guard let rk = rd_kafka_new(type, conf, &errstr, errstr.count) else {
            rd_kafka_conf_destroy(conf)
            throw .configuration("could not create the Kafka client: \(errorText(errstr))")
        }
        pointer = rk
    }

    /// Builds a `rd_kafka_conf_t`, naming the property librdkafka rejected.
    static func makeConf(_ properties: [String: String]) throws(KafkaError) -> OpaquePointer {
        let conf = rd_kafka_conf_new()!
        var errstr = [CChar](repeating: 0, count: 512)
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            if rd_kafka_conf_set(conf, key, value, &errstr, errstr.count) != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                throw .configuration("librdkafka property \(key)=\(value) rejected: \(errorText(errstr))")
            }
        }
        return conf
    }

    /// Destroys the handle once. Consumers must have closed first.
    func destroy() {
        guard !destroyed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        rd_kafka_destroy(pointer)
    }

    deinit {
        destroy()
    }
}

/// Owns a reference to one of a client's `rd_kafka_queue_t`s; released once, before the client.
final class RDKafkaQueue: @unchecked Sendable {
    let pointer: OpaquePointer
    private let destroyed = Atomic<Bool>(false)

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    func destroy() {
        guard !destroyed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        rd_kafka_queue_destroy(pointer)
    }
}

/// What librdkafka calls back into, recovered from the handle's opaque pointer. One per client.
final class RDKafkaCallbacks: Sendable {
    let logger: Logger
    /// Client-level errors seen (all brokers down, transport failures, from the error callback and from
    /// `FAIL` log lines): a fault test proves with this that a fault really hit the client.
    let clientErrors = Atomic<Int>(0)
    /// Observers of librdkafka's log lines (e.g. the consumer watching for offset resets).
    let logObserver: (@Sendable (_ facility: String, _ message: String) -> Void)?
    let configureHook: (@Sendable (OpaquePointer) -> Void)?
    /// The object that C callbacks of this client need (the consumer's core for rebalances).
    let owner: (any AnyObject & Sendable)?

    init(logger: Logger,
         logObserver: (@Sendable (String, String) -> Void)? = nil,
         configure: (@Sendable (OpaquePointer) -> Void)? = nil,
         owner: (any AnyObject & Sendable)? = nil) {
        self.logger = logger
        self.logObserver = logObserver
        self.configureHook = configure
        self.owner = owner
    }

    static func from(_ rk: OpaquePointer) -> RDKafkaCallbacks? {
        guard let opaque = rd_kafka_opaque(rk) else { return nil }
        return Unmanaged<RDKafkaCallbacks>.fromOpaque(opaque).takeUnretainedValue()
    }

    func configure(_ conf: OpaquePointer) {
        configureHook?(conf)
    }

    /// librdkafka's syslog levels mapped onto swift-log, one step quieter: broker-down periods produce
    /// a flood of connection errors that are expected during a failover.
    func log(level: Int32, facility: String, message: String) {
        logObserver?(facility, message)
        // librdkafka reports a broker connection that failed or dropped as a `FAIL` log line; the error
        // callback fires for it only sometimes (not for one broker of several going down), so both count.
        if facility == "FAIL" { clientErrors.add(1, ordering: .relaxed) }
        let swiftLevel: Logger.Level
        switch level {
        case ...2: swiftLevel = .error
        case 3: swiftLevel = .warning
        case 4, 5: swiftLevel = .notice
        case 6: swiftLevel = .info
        default: swiftLevel = .debug
        }
        logger.log(level: swiftLevel, "\(message)", metadata: ["rdkafka.facility": "\(facility)"])
    }

    func clientError(code: rd_kafka_resp_err_t, reason: String) {
        clientErrors.add(1, ordering: .relaxed)
        let error = KafkaError(code, "client error")
        logger.warning("kafka client error: \(reason)", metadata: ["rdkafka.error": "\(error.name)"])
    }
}

/// The text librdkafka wrote into an error buffer (NUL-terminated).
func errorText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
