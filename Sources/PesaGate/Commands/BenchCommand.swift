import ArgumentParser
import Foundation
import Logging

/// `pesagate bench …`: benchmarks that print figures, each against a baseline measured in the same run.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print their figures (see README for the latest).",
        subcommands: [Kafka.self, USSD.self, LedgerBench.self, PipelineBench.self, Sessions.self, SMPPBench.self])

    struct Kafka: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Produce and consume messages/s of the safe Kafka API against a plain librdkafka loop, and their ratio.")

        @Option(help: "Messages per measurement.")
        var messages = 200_000

        @Option(help: "Concurrent tasks calling send() for the per-message latency measurement.")
        var concurrency = 1_000

        @Option(help: "Brokers of the embedded cluster.")
        var brokers = 3

        @Option(help: "Partitions of each benchmark topic.")
        var partitions = 20

        func run() async throws {
            var logger = Logger(label: "bench")
            logger.logLevel = ProcessInfo.processInfo.environment["BENCH_VERBOSE"] == nil ? .error : .notice
            print("bench kafka: \(messages) seed-shaped payment requests (\(KafkaBenchmark.payload(count: 1).1[0].count) bytes), embedded cluster of \(brokers) brokers, \(partitions) partitions, idempotent acks=all")
            let lines = try await KafkaBenchmark(messages: messages, concurrency: concurrency, brokers: brokers,
                                                 partitions: partitions, logger: logger).run()
            for line in lines {
                var text = "  \(line.name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%10.0f", line.rate)) msg/s"
                if let p50 = line.p50, let p99 = line.p99 {
                    text += String(format: "   delivery report p50 %.2f ms  p99 %.2f ms", p50, p99)
                }
                print(text)
            }
            let rate = { (prefix: String) in lines.first { $0.name.hasPrefix(prefix) }!.rate }
            let produceRatio = rate("produce, safe API send(batch") / rate("produce, direct")
            let singleRatio = rate("produce, safe API send()") / rate("produce, direct")
            let consumeRatio = rate("consume, safe") / rate("consume, direct")
            print(String(format: "  ratio safe/direct: produce (batch) %.2f, produce (send per message) %.2f, consume %.2f", produceRatio, singleRatio, consumeRatio))
            let met = min(produceRatio, consumeRatio) >= 0.5
            print("  goal (safe API >= 0.5 x direct, produce and consume): \(met ? "met" : "NOT met")")
        }
    }
}
