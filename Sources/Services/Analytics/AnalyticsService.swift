import Analytics
import Foundation
import Kafka
import Messaging
import Payments
import ServiceLifecycle

/// The seed's real-time analytics: `real-time-analytics-cg` reads the request, result and confirmation
/// topics into an ``AnalyticsBoard`` that the dashboard (`GET /api/dashboard`) shows.
///
/// Each event is placed in time by its Kafka timestamp, so a group that starts on an old backlog
/// counts it in the totals without piling it into the current minute. The board is in memory: after a
/// restart it shows the traffic since then (the archive keeps the history).
public final class AnalyticsService: Service, Sendable {
    public static let consumerGroup = "real-time-analytics-cg"
    public static let topics: [Topic] = [
        .paymentRequests, .fraudAnalysis, .revenueValidation, .coreProcessing, .paymentConfirmations,
    ]

    public let board: AnalyticsBoard
    let consumer: KafkaConsumer

    public init(consumer: KafkaConsumer, board: AnalyticsBoard) {
        self.consumer = consumer
        self.board = board
    }

    public func run() async throws {
        await ConsumerLoop.run(consumer) { [self] record in
            // Analytics never blocks a partition: what it cannot read it skips (the pipeline's own
            // consumers park bad records on payment-dlq).
            try? self.record(record)
        }
    }

    func record(_ record: ConsumerRecord) throws {
        let time = record.timestampMilliseconds.map { Date(timeIntervalSince1970: Double($0) / 1_000) } ?? Date()
        switch record.topic {
        case Topic.paymentRequests.name:
            _ = board.record(request: try record.decodeEvent(PaymentRequest.self), at: time)
        case Topic.fraudAnalysis.name:
            _ = board.record(fraud: try record.decodeEvent(FraudResult.self), at: time)
        case Topic.revenueValidation.name:
            _ = board.record(revenue: try record.decodeEvent(RevenueResult.self), at: time)
        case Topic.coreProcessing.name:
            if case let .result(result) = try CoreProcessingRecord.decode(from: Data(record.value)) {
                _ = board.record(core: result, at: time)
            }
        case Topic.paymentConfirmations.name:
            _ = board.record(confirmation: try record.decodeEvent(PaymentConfirmation.self), at: time)
        default:
            break
        }
    }
}
