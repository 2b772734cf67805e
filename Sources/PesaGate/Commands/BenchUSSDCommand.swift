import ArgumentParser
import Foundation
import Logging

extension BenchCommand {
    /// `pesagate bench ussd`: open-loop send-money dialogues against the real endpoint.
    struct USSD: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ussd",
            abstract: "Whole send-money dialogues, open loop, over loopback HTTP through to the Kafka-acknowledged final hop: hops/s, p50/p99.")

        @Option(help: "Dialogues started per second (6 hops each).")
        var rate: Double = 300

        @Option(help: "Seconds of arrivals.")
        var duration = 20

        @Option(help: "Funded subscribers the dialogues rotate through.")
        var accounts = 5_000

        @Option(help: "Loopback port of the endpoint under test.")
        var port = 18_181

        @Option(help: "Directory of the USSD menus.")
        var menus = "./menus"

        func validate() throws {
            guard rate > 0, duration > 0, accounts >= 2 else { throw ValidationError("--rate, --duration > 0 and --accounts >= 2") }
        }

        func run() async throws {
            var logger = Logger(label: "bench")
            logger.logLevel = ProcessInfo.processInfo.environment["BENCH_VERBOSE"] == nil ? .error : .notice
            print("bench ussd: \(Int(rate)) send-money dialogues/s (\(Int(rate * 6)) hops/s offered) for \(duration) s, \(accounts) subscribers, embedded Kafka (3 brokers), acks=all")
            let report = try await USSDBenchmark(
                rate: rate, seconds: duration, accounts: accounts, port: port, menusDirectory: menus, logger: logger).run()
            let hopRate = Double(report.hops) / report.elapsed
            print(String(format: "  dialogues: %d started, %d completed, %d failed   %@", report.dialogues, report.completed,
                         report.failed, report.failures.map { "\($0.key) ×\($0.value)" }.sorted().joined(separator: ", ")))
            print(String(format: "  hops: %d in %.1f s = %.0f hops/s (offered %.0f)", report.hops, report.elapsed, hopRate,
                         report.offeredRate * 6))
            print(String(format: "  hop latency from its due time: p50 %.2f ms  p99 %.2f ms  max %.1f ms",
                         report.all.p50, report.all.p99, report.all.max))
            print(String(format: "  final hop (PIN -> Kafka acknowledged -> END): p50 %.2f ms  p99 %.2f ms  max %.1f ms",
                         report.finalHop.p50, report.finalHop.p99, report.finalHop.max))
            let met = hopRate >= 10_000 && report.all.p99 < 20
            print("  goal (>= 10,000 hops/s with p99 < 20 ms): \(met ? "met" : "NOT met")")
        }
    }
}
