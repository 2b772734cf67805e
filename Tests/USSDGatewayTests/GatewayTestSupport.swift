import Foundation
import Hummingbird
import Kafka
import Ledger
import Logging
import Messaging
import NIOCore
import NIOPosix
import Payments
import Synchronization
import USSD
import XCTest
@testable import USSDGateway

extension Logger {
    static var quiet: Logger {
        var logger = Logger(label: "ussdgw-test")
        logger.logLevel = .critical
        return logger
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_725_287_400))  // 2024-09-02 14:30 UTC
    var now: Date { current.withLock { $0 } }
    func advance(seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

/// The checked menus of the repository.
enum TestMenu {
    static let menu: Menu = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let candidates = [here.appendingPathComponent("../../menus"), URL(fileURLWithPath: "/work/main/menus")]
        for url in candidates where FileManager.default.fileExists(atPath: url.appendingPathComponent("main.yaml").path) {
            if let menu = try? MenuCompiler.compile(directory: url) { return menu }
        }
        fatalError("menus/ not found or not valid")
    }()
}

/// A gateway on an embedded one-broker cluster and an in-memory ledger with the demo accounts, PIN 9731 for
/// the seed's sender and 4321 for Peter (Kiswahili).
struct GatewayFixture {
    static let sender = "254700123456"
    static let pin = "9731"

    let cluster: EmbeddedCluster
    let ledger: LedgerDatabase
    let producer: KafkaProducer
    let gateway: USSDGateway
    let clock: TestClock

    init(
        messageTimeout: Duration = .seconds(4), configure: (inout USSDGatewayConfiguration) -> Void = { _ in }
    ) throws {
        cluster = try EmbeddedCluster(brokers: 1, logger: .quiet)
        _ = cluster.createTopic(KafkaTopicSpec(name: Topic.paymentRequests.name, partitions: 2, replicationFactor: 1))
        ledger = try LedgerDatabase.inMemory(
            tokenizer: try MSISDNTokenizer(keyId: "test", key: Data(repeating: 7, count: 32)),
            pinHasher: try PINHasher(pepper: Data(repeating: 9, count: 32)))
        try ledger.seedDemoData()
        try ledger.setPIN(Self.pin, for: MSISDN(parsing: Self.sender))
        try ledger.setPIN("4321", for: MSISDN(parsing: "254722334455"))
        var producerConfiguration = ProducerConfiguration(
            cluster: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers))
        producerConfiguration.messageTimeout = messageTimeout
        producer = try KafkaProducer(configuration: producerConfiguration, logger: .quiet)
        var configuration = USSDGatewayConfiguration()
        configure(&configuration)
        let clock = TestClock()
        self.clock = clock
        gateway = USSDGateway(
            configuration: configuration, menu: TestMenu.menu, ledger: ledger,
            publisher: EventPublisher(producer: producer),
            transactionIDs: TransactionIDGenerator(now: { clock.now }), logger: .quiet, now: { clock.now })
    }

    /// Runs `body` against the real endpoint: the Hummingbird application on a loopback port, reached
    /// over TCP with plain HTTP/1.1, as an aggregator would.
    func withClient(_ body: @Sendable (USSDClient) async throws -> Void) async throws {
        let (ports, portReady) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: USSDRoutes.router(gateway: gateway),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portReady.yield(channel.localAddress?.port ?? 0) },
            logger: .quiet)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            try await body(USSDClient(port: port))
            group.cancelAll()
        }
    }

    /// Records published on payment-requests so far, from the log end offsets.
    func publishedCount() throws -> Int64 {
        let admin = try KafkaAdmin(cluster: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers), logger: .quiet)
        defer { admin.close() }
        return try admin.lag(group: "count-\(UUID().uuidString.prefix(6))", topics: [Topic.paymentRequests.name])
            .reduce(0) { $0 + $1.logEnd }
    }

    /// Reads `count` payment requests back from the topic.
    func readRequests(_ count: Int) async throws -> [(PaymentRequest, ConsumerRecord)] {
        var configuration = ConsumerConfiguration(
            cluster: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers),
            groupID: "readback-\(UUID().uuidString.prefix(6))", topics: [Topic.paymentRequests.name])
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration, logger: .quiet)
        defer { consumer.close() }
        var found: [(PaymentRequest, ConsumerRecord)] = []
        for await record in consumer.records {
            found.append((try record.decodeEvent(PaymentRequest.self), record))
            consumer.acknowledge(record)
            if found.count == count { break }
        }
        return found
    }

    func shutdown() {
        producer.close()
        cluster.shutdown()
    }
}

/// Posts hops the way the aggregator does, over a real TCP connection.
struct USSDClient: Sendable {
    let port: Int

    struct Answer: Sendable {
        var status: HTTPResponse.Status
        var body: String
    }

    func post(_ path: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws -> Answer {
        let body = fields.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: "&")
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n"
        for field in headers { head += "\(field.name.rawName): \(field.value)\r\n" }
        let raw = try await RawHTTP.exchange(port: port, request: head + "\r\n" + body)
        return try RawHTTP.parse(raw)
    }

    /// One `/ussd` hop; the phone number arrives as the aggregator sends it (`+2547…`).
    func hop(
        _ text: String, session: String = "ATUid_1", phone: String = "+" + GatewayFixture.sender,
        serviceCode: String = "*334#"
    ) async throws -> String {
        let answer = try await post(
            "/ussd",
            [("sessionId", session), ("serviceCode", serviceCode), ("phoneNumber", phone), ("networkCode", "63902"),
             ("text", text)])
        return answer.body
    }

    static func escape(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

/// The smallest HTTP/1.1 client the tests need: one request per connection, read to EOF.
enum RawHTTP {
    static func exchange(port: Int, request: String) async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            var response = ""
            for try await chunk in inbound { response += String(buffer: chunk) }
            return response
        }
    }

    static func parse(_ raw: String) throws -> USSDClient.Answer {
        guard let split = raw.range(of: "\r\n\r\n"),
              let statusLine = raw[..<split.lowerBound].split(separator: "\r\n").first,
              let code = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
        else { throw URLError(.badServerResponse) }
        return USSDClient.Answer(status: HTTPResponse.Status(code: code), body: String(raw[split.upperBound...]))
    }
}
