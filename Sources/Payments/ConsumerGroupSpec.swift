/// A consumer group of the seed: its name (a contract), the topics it reads, and the seed's instance count.
public struct ConsumerGroupSpec: Sendable, Hashable, Codable {
    public let name: String
    /// The topics PesaGate subscribes the group to.
    public let topics: [Topic]
    /// The topics the seed lists for the group; differs from ``topics`` only where PesaGate extends it.
    public let seedTopics: [Topic]
    /// The seed's production instance count (informational: scale-out is by starting more processes).
    public let seedInstances: Int

    public init(name: String, topics: [Topic], seedTopics: [Topic]? = nil, seedInstances: Int) {
        self.name = name
        self.topics = topics
        self.seedTopics = seedTopics ?? topics
        self.seedInstances = seedInstances
    }

    public static let fraudManagement = ConsumerGroupSpec(
        name: "fraud-management-cg", topics: [.paymentRequests], seedInstances: 20)

    public static let revenueManagement = ConsumerGroupSpec(
        name: "revenue-management-cg", topics: [.paymentRequests], seedInstances: 30)

    /// Core reads requests (to reserve) and `core-processing` (for the orchestrator's commands).
    public static let mpesaCore = ConsumerGroupSpec(
        name: "mpesa-core-cg", topics: [.paymentRequests, .coreProcessing], seedInstances: 40)

    /// The seed's orchestrator reads the three result topics. PesaGate adds `payment-requests`, so the
    /// 5-second clock starts when the request is published, even if all three systems stall and no
    /// result ever arrives.
    public static let paymentOrchestrator = ConsumerGroupSpec(
        name: "payment-orchestrator-cg",
        topics: [.fraudAnalysis, .revenueValidation, .coreProcessing, .paymentRequests],
        seedTopics: [.fraudAnalysis, .revenueValidation, .coreProcessing],
        seedInstances: 15)

    /// The seed's four groups.
    public static let all: [ConsumerGroupSpec] = [fraudManagement, revenueManagement, mpesaCore, paymentOrchestrator]
}
