/// The seed's seven Kafka topics. Names are a contract (ARCHITECTURE.md); use these, never literals.
public enum Topic: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case paymentRequests = "payment-requests"
    case fraudAnalysis = "fraud-analysis"
    case revenueValidation = "revenue-validation"
    case coreProcessing = "core-processing"
    case paymentConfirmations = "payment-confirmations"
    case auditTrail = "audit-trail"
    case paymentDLQ = "payment-dlq"

    public var name: String { rawValue }
    public var description: String { rawValue }
}
