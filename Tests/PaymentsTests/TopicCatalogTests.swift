import Payments
import XCTest

final class TopicCatalogTests: XCTestCase {
    func testTopics_threeBrokers_matchTheSeed() {
        let topics = TopicCatalog.topics(brokerCount: 3)
        XCTAssertEqual(topics.map(\.name), [
            "payment-requests", "fraud-analysis", "revenue-validation", "core-processing",
            "payment-confirmations", "audit-trail", "payment-dlq",
        ])
        XCTAssertEqual(topics.map(\.partitions), [50, 20, 30, 40, 20, 100, 10])
        XCTAssertEqual(topics.map(\.retentionMilliseconds), [
            86_400_000, 604_800_000, 604_800_000, 2_592_000_000, 2_592_000_000, 220_752_000_000, 2_592_000_000,
        ])
        XCTAssertEqual(topics.map(\.cleanupPolicy), ["delete", "delete", "delete", "delete", "delete", "compact", "delete"])
        for topic in topics {
            XCTAssertEqual(topic.replicationFactor, 3, topic.name)
            XCTAssertEqual(topic.configs["min.insync.replicas"], "2", topic.name)
            XCTAssertEqual(topic.configs.count, 3, topic.name)
        }
    }

    func testTopics_oneBroker_replicateOnceWithoutMinInsync() {
        for topic in TopicCatalog.topics(brokerCount: 1) {
            XCTAssertEqual(topic.replicationFactor, 1, topic.name)
            XCTAssertNil(topic.configs["min.insync.replicas"], topic.name)
            XCTAssertEqual(topic.configs.count, 2, topic.name)
        }
    }

    func testTopics_twoAndManyBrokers_capReplicationAtThree() {
        XCTAssertEqual(Set(TopicCatalog.topics(brokerCount: 2).map(\.replicationFactor)), [2])
        XCTAssertNil(TopicCatalog.topics(brokerCount: 2)[0].configs["min.insync.replicas"])
        XCTAssertEqual(Set(TopicCatalog.topics(brokerCount: 12).map(\.replicationFactor)), [3])
        XCTAssertEqual(Set(TopicCatalog.topics(brokerCount: 0).map(\.replicationFactor)), [1])
    }

    func testConsumerGroups_haveTheSeedNamesAndTopics() {
        XCTAssertEqual(ConsumerGroupSpec.all.map(\.name),
                       ["fraud-management-cg", "revenue-management-cg", "mpesa-core-cg", "payment-orchestrator-cg"])
        XCTAssertEqual(ConsumerGroupSpec.mpesaCore.topics, [.paymentRequests, .coreProcessing])
        XCTAssertEqual(ConsumerGroupSpec.paymentOrchestrator.seedTopics,
                       [.fraudAnalysis, .revenueValidation, .coreProcessing])
        XCTAssertTrue(ConsumerGroupSpec.paymentOrchestrator.topics.contains(.paymentRequests))
        XCTAssertEqual(ConsumerGroupSpec.all.map(\.seedInstances), [20, 30, 40, 15])
    }
}
