import CRdKafka
import Foundation

/// The benchmark baseline: plain loops that call librdkafka directly, with no Swift layer in between,
/// configured like the safe API (the same librdkafka properties: idempotent, acks=all). `pesagate bench
/// kafka` runs them in the same process and cluster as the safe API and prints the ratio, so the cost
/// of the layer is measured.
public enum DirectLibrdkafkaLoop {
    /// Written only by the delivery report callback, which runs on the thread that polls (this one).
    private final class DeliveryTimes: @unchecked Sendable {
        var sent: [UInt64]
        var delivered: [UInt64]
        var failures = 0
        init(count: Int) {
            sent = Array(repeating: 0, count: count)
            delivered = Array(repeating: 0, count: count)
        }
    }

    public struct ProduceResult: Sendable {
        public var elapsed: Duration
        /// Nanoseconds from `rd_kafka_produceva` to the delivery report, per message.
        public var latencies: [UInt64]
        public var failures: Int
    }

    /// Produces `values` (keyed) to `topic` as fast as librdkafka takes them, then flushes.
    public static func produce(cluster: KafkaConfiguration, topic: String, keys: [[UInt8]], values: [[UInt8]]) throws -> ProduceResult {
        let props = try ProducerConfiguration(cluster: cluster).librdkafkaProperties()
        let conf = try RDKafkaHandle.makeConf(props)
        let times = DeliveryTimes(count: values.count)
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(times).toOpaque())
        rd_kafka_conf_set_dr_msg_cb(conf) { rk, message, opaque in
            guard let message, let opaque else { return }
            let times = Unmanaged<DeliveryTimes>.fromOpaque(opaque).takeUnretainedValue()
            let index = Int(bitPattern: message.pointee._private) - 1
            times.delivered[index] = DispatchTime.now().uptimeNanoseconds
            if message.pointee.err != RD_KAFKA_RESP_ERR_NO_ERROR { times.failures += 1 }
        }
        var errstr = [CChar](repeating: 0, count: 512)
        guard let rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, &errstr, errstr.count) else {
            throw KafkaError.configuration(errorText(errstr))
        }
        defer { rd_kafka_destroy(rk) }
        // A topic handle, as the safe producer keeps one per topic: no lookup by name per message, and
        // the topic's partitions are asked for before the clock starts.
        guard let rkt = rd_kafka_topic_new(rk, topic, nil) else {
            throw KafkaError(rd_kafka_last_error(), "direct produce: topic handle for \(topic)")
        }
        defer { rd_kafka_topic_destroy(rkt) }
        let start = ContinuousClock.now
        for index in values.indices {
            while true {
                times.sent[index] = DispatchTime.now().uptimeNanoseconds
                let err = keys[index].withUnsafeBytes { key in
                    values[index].withUnsafeBytes { value in
                        pesagate_produce(rk, rkt, RD_KAFKA_PARTITION_UA, key.baseAddress, key.count,
                                         value.baseAddress, value.count, nil, UnsafeMutableRawPointer(bitPattern: index + 1))
                    }
                }
                if err == RD_KAFKA_RESP_ERR_NO_ERROR { break }
                guard err == RD_KAFKA_RESP_ERR__QUEUE_FULL else { throw KafkaError(err, "direct produce") }
                rd_kafka_poll(rk, 1)
            }
            if index % 1000 == 0 { rd_kafka_poll(rk, 0) }
        }
        rd_kafka_flush(rk, 120_000)
        let elapsed = ContinuousClock.now - start
        let latencies = zip(times.sent, times.delivered).map { $1 &- $0 }
        return ProduceResult(elapsed: elapsed, latencies: latencies, failures: times.failures)
    }

    /// Reads `count` records of `topic` in a fresh group with a plain poll loop. The clock starts at the
    /// first record, so the group join (seconds on the mock) is not counted.
    public static func consume(cluster: KafkaConfiguration, topic: String, group: String, count: Int,
                               timeout: Duration = .seconds(120)) throws -> Duration {
        var config = ConsumerConfiguration(cluster: cluster, groupID: group, topics: [topic])
        config.fetchWaitMax = .milliseconds(10)
        let conf = try RDKafkaHandle.makeConf(try config.librdkafkaProperties())
        var errstr = [CChar](repeating: 0, count: 512)
        guard let rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, &errstr, errstr.count) else {
            throw KafkaError.configuration(errorText(errstr))
        }
        defer {
            rd_kafka_consumer_close(rk)
            rd_kafka_destroy(rk)
        }
        rd_kafka_poll_set_consumer(rk)
        let topics = RDPartitionList.make([TopicPartition(topic: topic, partition: -1)])
        defer { rd_kafka_topic_partition_list_destroy(topics) }
        rd_kafka_subscribe(rk, topics)
        let deadline = ContinuousClock.now + timeout
        var received = 0
        var first: ContinuousClock.Instant?
        while received < count, ContinuousClock.now < deadline {
            guard let message = rd_kafka_consumer_poll(rk, 100) else { continue }
            if message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                if first == nil { first = .now }
                received += 1
            }
            rd_kafka_message_destroy(message)
        }
        guard received == count, let first else {
            throw KafkaError(RD_KAFKA_RESP_ERR__TIMED_OUT, "direct consume read \(received) of \(count)")
        }
        return ContinuousClock.now - first
    }
}
