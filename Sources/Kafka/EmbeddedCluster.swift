import CRdKafka
import Logging
import Synchronization

/// librdkafka's mock cluster: real Kafka protocol on loopback ports, no broker to install.
///
/// It holds data only while this process lives, does not implement CreateTopics (topics are made
/// through the mock API here), and keeps no topic configs. Its fault hooks let tests take brokers down,
/// inject request errors and add round-trip delay so that requests are in flight when a fault hits.
public final class EmbeddedCluster: Sendable {
    private let handle: RDKafkaHandle
    private let cluster: ClusterPointer
    public let bootstrapServers: String
    public let brokerCount: Int
    private let stopped = Atomic<Bool>(false)

    /// Owns the `rd_kafka_mock_cluster_t`; the mock's calls lock internally, so sharing it is safe.
    private final class ClusterPointer: @unchecked Sendable {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
    }

    public init(brokers: Int = 3, logger: Logger) throws(KafkaError) {
        guard (1...16).contains(brokers) else { throw .configuration("embedded cluster brokers must be 1...16, got \(brokers)") }
        // The mock needs a client handle of its own to run in; quiet its harmless bootstrap warning.
        // The mock's broker sockets take their options from this handle: without TCP_NODELAY, as real
        // Kafka brokers set it, a response written while the previous one is unacknowledged waits for
        // the client's delayed ACK (measured: 44 ms per round trip of a 1,000-message batch, 1 ms with it).
        let handle = try RDKafkaHandle(type: RD_KAFKA_PRODUCER,
                                       properties: ["log_level": "3", "socket.nagle.disable": "true"],
                                       callbacks: RDKafkaCallbacks(logger: logger))
        guard let mock = rd_kafka_mock_cluster_new(handle.pointer, Int32(brokers)) else {
            throw KafkaError(RD_KAFKA_RESP_ERR__FAIL, "could not start the embedded Kafka cluster")
        }
        self.handle = handle
        cluster = ClusterPointer(mock)
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(mock))
        brokerCount = brokers
    }

    /// Broker ids of the mock run from 1 to `brokerCount`.
    public var brokerIDs: ClosedRange<Int32> { 1...Int32(brokerCount) }

    /// Creates a topic; configs the mock cannot hold are returned in the result, never silently lost.
    @discardableResult
    public func createTopic(_ spec: KafkaTopicSpec) -> TopicCreation {
        let replication = min(spec.replicationFactor, brokerCount)
        let err = rd_kafka_mock_topic_create(cluster.pointer, spec.name, Int32(spec.partitions), Int32(replication))
        switch err {
        case RD_KAFKA_RESP_ERR_NO_ERROR:
            return spec.configs.isEmpty ? .created : .createdWithoutConfigs(spec.configs.keys.sorted())
        case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS:
            return .alreadyExisted
        default:
            return .failed(KafkaError(err, "create \(spec.name)").description)
        }
    }

    public func setBrokerDown(_ broker: Int32) {
        _ = rd_kafka_mock_broker_set_down(cluster.pointer, broker)
    }

    public func setBrokerUp(_ broker: Int32) {
        _ = rd_kafka_mock_broker_set_up(cluster.pointer, broker)
    }

    /// Delays every response of `broker` by `delay`, so requests are in flight when a fault hits.
    public func setRoundTripDelay(_ delay: Duration, broker: Int32) {
        _ = rd_kafka_mock_broker_set_rtt(cluster.pointer, broker, Int32(delay.milliseconds))
    }

    /// The next `errors.count` requests with Kafka API key `apiKey` (0 Produce, 1 Fetch, 8 OffsetCommit, …)
    /// fail with these broker error codes, in order.
    public func injectRequestErrors(apiKey: Int16, errors: [Int32]) {
        var codes = errors.map { rd_kafka_resp_err_t(rawValue: $0) }
        rd_kafka_mock_push_request_errors_array(cluster.pointer, apiKey, codes.count, &codes)
    }

    /// Stops the brokers. Clients still connected see them as down. Idempotent.
    public func shutdown() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // librdkafka asserts that a mock cluster is destroyed before the handle it runs in.
        rd_kafka_mock_cluster_destroy(cluster.pointer)
        handle.destroy()
    }

    deinit {
        shutdown()
    }
}
