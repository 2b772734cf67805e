import Foundation
import HandsetKit
import Histogram
import Hummingbird
import Kafka
import Ledger
import Logging
import Messaging
import Payments
import ServiceLifecycle
import Services
import Synchronization
import USSD
import USSDGateway

/// `pesagate bench ussd`: whole send-money dialogues, open loop, against the real USSD endpoint over
/// loopback HTTP, through to the final hop that answers only once Kafka acknowledged the request.
///
/// Dialogues start on a fixed schedule whatever the server does, and every hop's latency runs from the
/// moment it was due (the dialogue's scheduled start for its first hop, the previous answer for the
/// others), so a server that falls behind shows its queueing instead of slowing the client down.
struct USSDBenchmark {
    var rate: Double
    var seconds: Int
    var accounts: Int
    var port: Int
    var menusDirectory: String
    let logger: Logger

    struct Report {
        var offeredRate: Double
        var elapsed: Double
        var dialogues: Int
        var completed: Int
        var failed: Int
        var failures: [String: Int]
        var hops: Int
        var all: Percentiles
        var finalHop: Percentiles
    }

    struct Percentiles {
        var p50: Double
        var p99: Double
        var max: Double
    }

    static let pin = "5829"

    func run() async throws -> Report {
        let scratch = try BenchmarkScratch(name: "ussd")
        defer { scratch.remove() }

        let cluster = try EmbeddedCluster(brokers: 3, logger: logger)
        defer { cluster.shutdown() }
        for spec in TopicCatalog.topics(brokerCount: 3) where spec.name == Topic.paymentRequests.name {
            _ = cluster.createTopic(spec.kafkaSpec)
        }
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, clientID: "pesagate-bench-ussd")

        let ledger = try scratch.ledger()
        let numbers = try ledger.seedLoadAccounts(count: accounts, balance: 100_000, pin: Self.pin, firstNumber: 9_000_000)

        var producerConfiguration = ProducerConfiguration(cluster: kafka)
        producerConfiguration.messageTimeout = .seconds(4)
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger)
        let menu = try MenuCompiler.compile(directory: URL(fileURLWithPath: menusDirectory))
        var configuration = USSDGatewayConfiguration()
        configuration.serviceCodes = ["*334#"]
        let (_, application) = USSDRoutes.application(
            configuration: configuration, menu: menu, ledger: ledger, publisher: EventPublisher(producer: producer),
            fees: TariffFees(table: .default), address: .hostname("127.0.0.1", port: port), logger: logger)
        let group = ServiceGroup(services: [producer, application], logger: logger)

        return try await withThrowingTaskGroup(of: Report?.self) { tasks in
            tasks.addTask { try await group.run(); return nil }
            try await Self.waitForPort(port)
            let report = await drive(numbers: numbers)
            await group.triggerGracefulShutdown()
            for try await case let result? in tasks { _ = result }
            return report
        }
    }

    /// Starts dialogues on schedule for `seconds`, waits for the last ones, and sums up.
    private func drive(numbers: [MSISDN]) async -> Report {
        let clients = ClientPool(host: "127.0.0.1", port: port)
        let results = SharedResults()
        let total = Int(rate * Double(seconds))
        let start = ContinuousClock.now
        await withDiscardingTaskGroup { dialogues in
            for index in 0..<total {
                let due = start + .seconds(Double(index) / rate)
                try? await Task.sleep(until: due)
                // Each dialogue pays the neighbour of its sender; senders rotate through the block.
                let sender = numbers[index % numbers.count]
                let recipient = numbers[(index + 1) % numbers.count]
                dialogues.addTask {
                    let outcome = await Self.dialogue(
                        session: "bench-\(index)", sender: sender, recipient: recipient, due: due, clients: clients)
                    results.state.withLock { $0.add(outcome) }
                }
            }
        }
        let elapsed = (ContinuousClock.now - start).benchSeconds
        await clients.closeAll()
        return results.state.withLock { $0.report(offeredRate: rate, elapsed: elapsed, dialogues: total) }
    }

    struct Outcome {
        var hopLatencies: [Duration] = []
        var failure: String?
    }

    /// One send-money dialogue, the way the aggregator sends it: `text` accumulates every answer.
    static func dialogue(
        session: String, sender: MSISDN, recipient: MSISDN, due: ContinuousClock.Instant, clients: ClientPool
    ) async -> Outcome {
        let local = "0" + recipient.value.dropFirst(3)
        let answers = ["1", local, "10", "1", pin]
        let client = await clients.acquire()
        defer { Task { await clients.release(client) } }
        var outcome = Outcome()
        var text = ""
        var hopDue = due
        for hop in 0...answers.count {
            if hop > 0 { text += (text.isEmpty ? "" : "*") + answers[hop - 1] }
            let fields = [
                ("sessionId", session), ("serviceCode", "*334#"), ("phoneNumber", "+" + sender.value),
                ("networkCode", "63902"), ("text", text),
            ]
            do {
                let reply = try await client.postForm(path: "/ussd", fields: fields, timeout: .seconds(15))
                let answered = ContinuousClock.now
                outcome.hopLatencies.append(answered - hopDue)
                hopDue = answered
                let isLast = hop == answers.count
                guard reply.status == 200, reply.body.hasPrefix(isLast ? "END" : "CON") else {
                    outcome.failure = "hop \(hop + 1): \(reply.status) \(reply.body.prefix(40))"
                    return outcome
                }
                if isLast, !reply.body.contains("Request received") {
                    outcome.failure = "final hop: \(reply.body.prefix(40))"
                }
            } catch {
                outcome.failure = "hop \(hop + 1): \(error)"
                return outcome
            }
        }
        return outcome
    }

    /// Polls until the server accepts connections.
    static func waitForPort(_ port: Int) async throws {
        let probe = HTTPClient(host: "127.0.0.1", port: port)
        for _ in 0..<100 {
            if (try? await probe.postForm(path: "/ussd/events", fields: [("sessionId", "probe")], timeout: .seconds(1))) != nil {
                await probe.close()
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkError(description: "the USSD endpoint did not start on port \(port)")
    }

    struct BenchmarkError: Error, CustomStringConvertible {
        var description: String
    }
}

extension USSDBenchmark {
    /// What the dialogues measured, gathered as they finish.
    struct Results {
        var all = Histogram<UInt64>(highestTrackableValue: 600_000_000_000, numberOfSignificantValueDigits: .three)
        var finalHop = Histogram<UInt64>(highestTrackableValue: 600_000_000_000, numberOfSignificantValueDigits: .three)
        var completed = 0
        var failures: [String: Int] = [:]
        var hops = 0

        mutating func add(_ outcome: Outcome) {
            for latency in outcome.hopLatencies {
                all.record(UInt64(max(0, latency.benchSeconds * 1e9)))
            }
            hops += outcome.hopLatencies.count
            if let failure = outcome.failure {
                let kind = failure.split(separator: ":").first.map(String.init) ?? failure
                failures[kind, default: 0] += 1
            } else {
                completed += 1
                if let last = outcome.hopLatencies.last { finalHop.record(UInt64(max(0, last.benchSeconds * 1e9))) }
            }
        }

        func report(offeredRate: Double, elapsed: Double, dialogues: Int) -> Report {
            func percentiles(_ histogram: Histogram<UInt64>) -> Percentiles {
                Percentiles(
                    p50: Double(histogram.valueAtPercentile(50)) / 1e6, p99: Double(histogram.valueAtPercentile(99)) / 1e6,
                    max: Double(histogram.max) / 1e6)
            }
            return Report(
                offeredRate: offeredRate, elapsed: elapsed, dialogues: dialogues, completed: completed,
                failed: failures.values.reduce(0, +), failures: failures, hops: hops, all: percentiles(all),
                finalHop: percentiles(finalHop))
        }
    }

    final class SharedResults: Sendable {
        let state = Mutex(Results())
    }

    /// Kept-alive connections, one per dialogue in flight, opened on demand: an open-loop client must
    /// never make a dialogue wait for a connection, or it would hide the server's queueing.
    actor ClientPool {
        let host: String
        let port: Int
        private var idle: [HTTPClient] = []
        private var all: [HTTPClient] = []

        init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        func acquire() -> HTTPClient {
            if let client = idle.popLast() { return client }
            let client = HTTPClient(host: host, port: port)
            all.append(client)
            return client
        }

        func release(_ client: HTTPClient) { idle.append(client) }

        func closeAll() async {
            for client in all { await client.close() }
        }
    }
}
