import Foundation
import Kafka
import Logging
import Metrics
import Payments
import ServiceLifecycle
import Services

/// Samples the state that no single event reports — consumer lag per group and topic, SMS outbox depth,
/// dead letters held — into gauges every few seconds, and hands the lag to the dashboard's analytics.
struct MetricsSampler: Service {
    static let consumerLag = "pesagate_kafka_consumer_lag"
    static let dlqSize = "pesagate_dlq_size"

    /// The groups whose lag is watched, with their topics.
    let groups: [(group: String, topics: [String])]
    let kafka: KafkaConfiguration
    let outboxDepth: (@Sendable () async throws -> Int)?
    let deadLetters: (@Sendable () async throws -> Int)?
    let lagSink: (@Sendable (String, String, Int64) -> Void)?
    let interval: Duration
    let logger: Logger

    /// Every consumer group of `pesagate run`, with the topics each reads.
    static func watchedGroups(notifications: String) -> [(group: String, topics: [String])] {
        ConsumerGroupSpec.all.map { ($0.name, $0.topics.map(\.name)) } + [
            (notifications, [Topic.paymentConfirmations.name]),
            (ArchivalService.consumerGroup, [Topic.auditTrail.name]),
            (AnalyticsService.consumerGroup, AnalyticsService.topics.map(\.name)),
            (DLQService.consumerGroup, [Topic.paymentDLQ.name]),
        ]
    }

    func run() async throws {
        let admin = try KafkaAdmin(cluster: kafka, logger: logger)
        defer { admin.close() }
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            // librdkafka's admin calls block: run them off the cooperative pool (two threads here).
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global(qos: .utility).async {
                    sampleLag(admin)
                    done.resume()
                }
            }
            if let outboxDepth, let depth = try? await outboxDepth() {
                Gauge(label: SMSMetrics.outboxDepth).record(depth)
            }
            if let deadLetters, let size = try? await deadLetters() {
                Gauge(label: Self.dlqSize).record(size)
            }
            try? await Task.sleep(for: interval)
        }
    }

    private func sampleLag(_ admin: KafkaAdmin) {
        for (group, topics) in groups {
            do {
                let lags = try admin.lag(group: group, topics: topics, timeout: .seconds(2))
                var byTopic: [String: Int64] = Dictionary(uniqueKeysWithValues: topics.map { ($0, 0) })
                for lag in lags { byTopic[lag.partition.topic, default: 0] += max(0, lag.lag) }
                for (topic, total) in byTopic {
                    Gauge(label: Self.consumerLag, dimensions: [("group", group), ("topic", topic)]).record(total)
                    lagSink?(group, topic, total)
                }
            } catch {
                logger.debug("consumer lag not sampled", metadata: ["group": "\(group)", "error": "\(error)"])
            }
        }
    }
}
