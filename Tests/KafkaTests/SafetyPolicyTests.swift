import XCTest
@testable import Kafka

final class SafetyPolicyTests: XCTestCase {
    private let cluster = KafkaConfiguration(bootstrapServers: "127.0.0.1:9092")

    func testProducerDefaults_areIdempotentWithAcksAll() throws {
        let props = try ProducerConfiguration(cluster: cluster).librdkafkaProperties()
        XCTAssertEqual(props["enable.idempotence"], "true")
        XCTAssertEqual(props["acks"], "all")
    }

    func testProducer_whenIdempotenceTurnedOff_isRefusedNamingTheKey() {
        var config = ProducerConfiguration(cluster: cluster)
        config.properties["enable.idempotence"] = "false"
        XCTAssertThrowsError(try config.librdkafkaProperties()) { error in
            XCTAssertTrue("\(error)".contains("enable.idempotence=false"), "\(error)")
        }
    }

    func testProducer_whenAcksIsOne_isRefused() {
        let passThrough = KafkaConfiguration(bootstrapServers: "x:1", properties: ["acks": "1"])
        XCTAssertThrowsError(try ProducerConfiguration(cluster: passThrough).librdkafkaProperties())
    }

    func testConsumer_whenAutoCommitTurnedOn_isRefused() {
        var config = ConsumerConfiguration(cluster: cluster, groupID: "g", topics: ["t"])
        config.properties["enable.auto.commit"] = "true"
        XCTAssertThrowsError(try config.librdkafkaProperties()) { error in
            XCTAssertTrue("\(error)".contains("enable.auto.commit"), "\(error)")
        }
    }

    func testPassThroughSecuritySettings_reachLibrdkafka() throws {
        let secure = KafkaConfiguration(bootstrapServers: "b:9093", properties: [
            "security.protocol": "SASL_SSL", "sasl.mechanisms": "SCRAM-SHA-512", "ssl.endpoint.identification.algorithm": "https",
        ])
        let props = try ConsumerConfiguration(cluster: secure, groupID: "g", topics: ["t"]).librdkafkaProperties()
        XCTAssertEqual(props["security.protocol"], "SASL_SSL")
        XCTAssertEqual(props["sasl.mechanisms"], "SCRAM-SHA-512")
        XCTAssertEqual(props["auto.offset.reset"], "earliest")
        XCTAssertEqual(props["partition.assignment.strategy"], "cooperative-sticky")
    }

    /// librdkafka 2.0 parks a broker's fetcher for up to a second once queued.min.messages are prefetched;
    /// the byte bound is the one meant to limit a consumer, and a passed-through value still wins.
    func testConsumerDefaults_boundPrefetchByBytesNotMessageCount_unlessOverridden() throws {
        let props = try ConsumerConfiguration(cluster: cluster, groupID: "g", topics: ["t"]).librdkafkaProperties()
        XCTAssertEqual(props["queued.min.messages"], "10000000")
        XCTAssertNil(props["queued.max.messages.kbytes"], "librdkafka's 64 MiB default stays the bound")
        let tuned = KafkaConfiguration(bootstrapServers: "b:1", properties: ["queued.min.messages": "5000"])
        let overridden = try ConsumerConfiguration(cluster: tuned, groupID: "g", topics: ["t"]).librdkafkaProperties()
        XCTAssertEqual(overridden["queued.min.messages"], "5000")
    }

    func testUnknownLibrdkafkaProperty_isRejectedWithItsName() {
        let bad = KafkaConfiguration(bootstrapServers: "127.0.0.1:1", properties: ["no.such.property": "1"])
        XCTAssertThrowsError(try KafkaProducer(configuration: ProducerConfiguration(cluster: bad), logger: .quiet)) { error in
            XCTAssertTrue("\(error)".contains("no.such.property"), "\(error)")
        }
    }
}
