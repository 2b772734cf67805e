import Foundation
import Logging
import Synchronization
import XCTest
@testable import Kafka

extension Logger {
    /// Test logger: errors only, so fault tests do not flood the output.
    static var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["KAFKA_TEST_LOG"] == nil ? .critical : .info
        return logger
    }
}

/// Thread-safe collection of what handlers saw.
final class Collected: Sendable {
    private let values = Mutex<[String]>([])
    func append(_ value: String) { values.withLock { $0.append(value) } }
    var all: [String] { values.withLock { $0 } }
    var count: Int { values.withLock { $0.count } }
    var unique: Set<String> { Set(all) }
}

/// A fresh embedded cluster with one topic, and helpers to produce and consume on it.
struct ClusterFixture {
    let cluster: EmbeddedCluster
    let topic: String

    init(topic: String = "test-\(UUID().uuidString.prefix(8))", partitions: Int = 4, brokers: Int = 3) throws {
        cluster = try EmbeddedCluster(brokers: brokers, logger: .quiet)
        self.topic = topic
        let outcome = cluster.createTopic(KafkaTopicSpec(name: topic, partitions: partitions, replicationFactor: min(3, brokers)))
        XCTAssertEqual(outcome, .created)
    }

    var configuration: KafkaConfiguration { KafkaConfiguration(bootstrapServers: cluster.bootstrapServers) }

    func producer(messageTimeout: Duration = .seconds(30)) throws -> KafkaProducer {
        var config = ProducerConfiguration(cluster: configuration)
        config.messageTimeout = messageTimeout
        return try KafkaProducer(configuration: config, logger: .quiet)
    }

    func consumer(group: String, commitInterval: Duration = .milliseconds(200),
                  redeliveryBackoff: Duration = .milliseconds(200)) throws -> KafkaConsumer {
        var config = ConsumerConfiguration(cluster: configuration, groupID: group, topics: [topic])
        config.commitInterval = commitInterval
        config.redeliveryBackoff = redeliveryBackoff
        config.sessionTimeout = .seconds(6)
        return try KafkaConsumer(configuration: config, logger: .quiet)
    }

    func produce(_ values: [String], keyed: Bool = true) async throws {
        let producer = try producer()
        let records = values.map { ProducerRecord(topic: topic, key: keyed ? $0 : nil, value: Array($0.utf8)) }
        for result in await producer.send(batch: records) { _ = try result.get() }
        producer.close()
    }
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(30), _ condition: @Sendable () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return condition()
}
