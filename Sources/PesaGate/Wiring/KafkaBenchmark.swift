import Foundation
import Histogram
import Kafka
import Logging
import Payments

/// `pesagate bench kafka`: the safe API against plain librdkafka loops, in one run, on one embedded cluster.
struct KafkaBenchmark {
    var messages: Int
    var concurrency: Int
    var brokers: Int
    var partitions: Int
    let logger: Logger

    struct Line {
        var name: String
        var rate: Double
        var p50: Double?
        var p99: Double?
    }

    /// Each measurement runs `rounds` times, direct and safe alternating, and the best round counts:
    /// the embedded cluster shares the two cores with the clients, so a single round is noisy and
    /// whichever goes first pays the warm-up.
    func run(rounds: Int = 2) async throws -> [Line] {
        let cluster = try EmbeddedCluster(brokers: brokers, logger: logger)
        defer { cluster.shutdown() }
        let config = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, clientID: "pesagate-bench")
        let (keys, values) = Self.payload(count: messages)
        var best: [String: Line] = [:]
        func keep(_ line: Line) {
            if best[line.name].map({ $0.rate < line.rate }) ?? true { best[line.name] = line }
        }
        for round in 0..<rounds {
            let topics = ["direct", "safe", "batch"].map { "bench-\($0)-\(round)" }
            for topic in topics {
                cluster.createTopic(KafkaTopicSpec(name: topic, partitions: partitions, replicationFactor: min(3, brokers)))
            }
            let direct = try DirectLibrdkafkaLoop.produce(cluster: config, topic: topics[0], keys: keys, values: values)
            guard direct.failures == 0 else { throw KafkaError.configuration("direct loop: \(direct.failures) deliveries failed") }
            keep(Line(name: "produce, direct librdkafka loop", rate: rate(messages, direct.elapsed),
                      p50: Self.percentile(direct.latencies, 50), p99: Self.percentile(direct.latencies, 99)))

            let producer = try KafkaProducer(configuration: ProducerConfiguration(cluster: config), logger: logger)
            let (safeElapsed, safeLatencies) = try await produceSafely(producer, topic: topics[1], keys: keys, values: values)
            keep(Line(name: "produce, safe API send() x\(concurrency) tasks", rate: rate(messages, safeElapsed),
                      p50: Self.percentile(safeLatencies, 50), p99: Self.percentile(safeLatencies, 99)))
            let batchStart = ContinuousClock.now
            try await produceInBatches(producer, topic: topics[2], keys: keys, values: values)
            keep(Line(name: "produce, safe API send(batch:) x\(Self.batchLanes) tasks", rate: rate(messages, ContinuousClock.now - batchStart)))
            producer.close()

            // Both consumers read the same topic, each in a group of its own; the order alternates.
            let readDirect = {
                keep(Line(name: "consume, direct librdkafka loop", rate: rate(messages, try DirectLibrdkafkaLoop.consume(
                    cluster: config, topic: topics[0], group: "bench-direct-cg-\(round)", count: messages))))
            }
            if round % 2 == 0 { try readDirect() }
            let safeConsume = try await consumeSafely(config, topic: topics[0], group: "bench-safe-cg-\(round)")
            keep(Line(name: "consume, safe API (ack + commit)", rate: rate(messages, safeConsume)))
            if round % 2 == 1 { try readDirect() }
        }
        let order = ["produce, direct librdkafka loop", "produce, safe API send() x\(concurrency) tasks",
                     "produce, safe API send(batch:) x\(Self.batchLanes) tasks", "consume, direct librdkafka loop", "consume, safe API (ack + commit)"]
        return order.compactMap { best[$0] }
    }

    private func produceSafely(_ producer: KafkaProducer, topic: String, keys: [[UInt8]], values: [[UInt8]]) async throws
        -> (Duration, [UInt64]) {
        let start = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var latencies: [UInt64] = []
                    for index in stride(from: worker, to: keys.count, by: concurrency) {
                        let sent = DispatchTime.now().uptimeNanoseconds
                        try await producer.send(ProducerRecord(topic: topic, key: keys[index], value: values[index]))
                        latencies.append(DispatchTime.now().uptimeNanoseconds - sent)
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        return (ContinuousClock.now - start, latencies)
    }

    /// Ten tasks each sending chunks of 10,000: up to 100,000 messages in flight, the same depth as the
    /// direct loop's queue (`queue.buffering.max.messages`), so both are compared at the same pipelining;
    /// with fewer in flight the idempotent producer's round trip, not the API, sets the rate.
    private func produceInBatches(_ producer: KafkaProducer, topic: String, keys: [[UInt8]], values: [[UInt8]]) async throws {
        let lanes = Self.batchLanes
        let chunks = Array(stride(from: 0, to: keys.count, by: 10_000))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    for chunk in chunks[lane...].enumerated().filter({ $0.offset % lanes == 0 }).map(\.element) {
                        let records = (chunk..<min(chunk + 10_000, keys.count)).map {
                            ProducerRecord(topic: topic, key: keys[$0], value: values[$0])
                        }
                        for result in await producer.send(batch: records) { _ = try result.get() }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    static let batchLanes = 10

    private func consumeSafely(_ config: KafkaConfiguration, topic: String, group: String) async throws -> Duration {
        let consumer = try KafkaConsumer(configuration: ConsumerConfiguration(cluster: config, groupID: group, topics: [topic]),
                                         logger: logger)
        defer { consumer.close() }
        var received = 0
        var first: ContinuousClock.Instant?
        for await record in consumer.records {
            if first == nil { first = .now }
            consumer.acknowledge(record)
            received += 1
            if received == messages { break }
        }
        let elapsed = ContinuousClock.now - (first ?? .now)
        let stats = consumer.statistics.snapshot
        logger.notice("safe consume: \(stats.delivered) records in \(stats.bursts) bursts")
        return elapsed
    }

    private func rate(_ count: Int, _ elapsed: Duration) -> Double {
        Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Seed-shaped payment requests, keyed by sender as on `payment-requests`.
    static func payload(count: Int) -> ([[UInt8]], [[UInt8]]) {
        var keys: [[UInt8]] = []
        var values: [[UInt8]] = []
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        for index in 0..<count {
            let sender = "2547\(String(format: "%08d", index % 100_000))"
            keys.append(Array(sender.utf8))
            values.append(Array("""
                {"transactionId":"TXN-20240902-B\(index)","timestamp":"2024-09-02T14:30:00Z","fromMsisdn":"\(sender)",\
                "toMsisdn":"254711987654","amount":5000,"currency":"KES","transactionType":"P2P_TRANSFER",\
                "initiationChannel":"USSD","deviceId":"IMEI-123456789","location":"NAIROBI"}
                """.utf8))
        }
        return (keys, values)
    }

    /// Milliseconds at a percentile of nanosecond samples, via an HDR histogram.
    static func percentile(_ samples: [UInt64], _ percentile: Double) -> Double {
        var histogram = Histogram<UInt64>(highestTrackableValue: 600_000_000_000, numberOfSignificantValueDigits: .three)
        for sample in samples { _ = histogram.record(max(1, sample)) }
        return Double(histogram.valueAtPercentile(percentile)) / 1e6
    }
}
