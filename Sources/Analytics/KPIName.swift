/// The seed's key performance indicators, named as in its "Monitoring and Alerting" section.
public enum KPIName: String, Sendable, Hashable, Codable, CaseIterable {
    case transactionSuccessRate = "transaction-success-rate"
    case avgProcessingLatency = "avg-processing-latency"
    case fraudDeclineRate = "fraud-decline-rate"
    case kafkaConsumerLag = "kafka-consumer-lag"

    /// The KPI's threshold and alert level from the seed.
    public var threshold: KPIThreshold {
        switch self {
        case .transactionSuccessRate: .transactionSuccessRate
        case .avgProcessingLatency: .avgProcessingLatency
        case .fraudDeclineRate: .fraudDeclineRate
        case .kafkaConsumerLag: .kafkaConsumerLag
        }
    }

    /// A label for people.
    public var title: String {
        switch self {
        case .transactionSuccessRate: "Transaction success rate"
        case .avgProcessingLatency: "Average processing latency"
        case .fraudDeclineRate: "Fraud decline rate"
        case .kafkaConsumerLag: "Kafka consumer lag (worst)"
        }
    }
}
