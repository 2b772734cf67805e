/// The seed's step 3a: the fraud system's verdict, published to `fraud-analysis`.
public struct FraudResult: Sendable, Hashable, Codable {
    public let eventId: String
    public let transactionId: TransactionID
    /// Risk between 0 and 1. A score, not money, so a `Double` is fine here.
    public let fraudScore: Double
    public let decision: FraudDecision
    /// Why the score is what it is, e.g. `NEW_DEVICE`, `UNUSUAL_TIME`.
    public let riskFactors: [String]
    /// Milliseconds from the request's arrival to this answer.
    public let processingTime: Int64
    /// Which engine answered, e.g. `FMS-001`, or the backup rules engine's own id.
    public let fraudSystemId: String

    public init(
        transactionId: TransactionID, fraudScore: Double, decision: FraudDecision, riskFactors: [String],
        processingTime: Int64, fraudSystemId: String, eventId: String? = nil
    ) {
        self.eventId = eventId ?? EventID.fraud(transactionId)
        self.transactionId = transactionId
        self.fraudScore = fraudScore
        self.decision = decision
        self.riskFactors = riskFactors
        self.processingTime = processingTime
        self.fraudSystemId = fraudSystemId
    }

    enum CodingKeys: String, CodingKey {
        case eventId, transactionId, fraudScore, decision, riskFactors, processingTime, fraudSystemId
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            transactionId: try c.decode(TransactionID.self, forKey: .transactionId),
            fraudScore: try c.decode(Double.self, forKey: .fraudScore),
            decision: try c.decode(FraudDecision.self, forKey: .decision),
            riskFactors: try c.decodeIfPresent([String].self, forKey: .riskFactors) ?? [],
            processingTime: try c.decode(Int64.self, forKey: .processingTime),
            fraudSystemId: try c.decode(String.self, forKey: .fraudSystemId),
            eventId: try c.decodeIfPresent(String.self, forKey: .eventId))
    }
}
