import Foundation
import Kafka
import Ledger
import Logging
import Messaging
import Payments
import USSD
import USSDGateway

/// `pesagate bench sessions`: the gateway's session store is bounded, so memory stays flat however many
/// sessions arrive. Opens `capacity` sessions (each a registered subscriber's first hop, answered with
/// the menu) and reads the process's resident memory, then opens `extra` more — beyond capacity, so the
/// oldest are dropped — and reads it again. Sessions are driven through the gateway itself, in process,
/// without HTTP or Kafka (a first hop publishes nothing).
struct SessionMemoryBenchmark {
    var capacity: Int
    var extra: Int
    var menusDirectory: String
    let logger: Logger

    struct Report {
        var baselineMiB: Double
        var atCapacityMiB: Double
        var afterExtraMiB: Double
        var openAtCapacity: Int
        var openAfterExtra: Int
        var seconds: Double
    }

    func run() async throws -> Report {
        let scratch = try BenchmarkScratch(name: "sessions")
        defer { scratch.remove() }
        let ledger = try scratch.ledger()
        let numbers = try ledger.seedLoadAccounts(count: capacity + extra, balance: 100, firstNumber: 5_000_000)
        let cluster = try EmbeddedCluster(brokers: 1, logger: logger)
        defer { cluster.shutdown() }
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(cluster: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers)),
            logger: logger)
        defer { producer.close() }
        var configuration = USSDGatewayConfiguration()
        configuration.sessionCapacity = capacity
        let gateway = USSDGateway(
            configuration: configuration, menu: try MenuCompiler.compile(directory: URL(fileURLWithPath: menusDirectory)),
            ledger: ledger, publisher: EventPublisher(producer: producer), logger: logger)
        let baseline = Self.residentMiB()
        let start = ContinuousClock.now
        for (index, number) in numbers.prefix(capacity).enumerated() {
            _ = await gateway.answer(Hop(sessionID: "s\(index)", serviceCode: "*334#", msisdn: number, networkCode: "63902", text: ""))
        }
        let atCapacity = Self.residentMiB()
        let openAtCapacity = gateway.openSessions
        for (index, number) in numbers.dropFirst(capacity).enumerated() {
            _ = await gateway.answer(Hop(
                sessionID: "x\(index)", serviceCode: "*334#", msisdn: number, networkCode: "63902", text: ""))
        }
        return Report(
            baselineMiB: baseline, atCapacityMiB: atCapacity, afterExtraMiB: Self.residentMiB(),
            openAtCapacity: openAtCapacity, openAfterExtra: gateway.openSessions,
            seconds: (ContinuousClock.now - start).benchSeconds)
    }

    /// Resident set size from `/proc/self/statm` (Linux), in MiB.
    static func residentMiB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return .nan }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
