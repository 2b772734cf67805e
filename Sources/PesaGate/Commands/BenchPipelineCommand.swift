import ArgumentParser
import Foundation
import Logging

extension BenchCommand {
    /// `pesagate bench pipeline`: payments/s through fraud, revenue, core and the orchestrator.
    struct PipelineBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pipeline",
            abstract: "Payment requests at a fixed rate through fraud, revenue, core and the orchestrator on the embedded cluster: payments/s, e2e and stage latencies.")

        @Option(help: "Payment requests produced per second.")
        var rate: Double = 500

        @Option(help: "Seconds of production.")
        var duration = 60

        @Option(help: "Funded senders the requests rotate through (the fraud rules stay on).")
        var senders = 100_000

        func run() async throws {
            var logger = Logger(label: "bench")
            logger.logLevel = ProcessInfo.processInfo.environment["BENCH_VERBOSE"] == nil ? .error : .notice
            print("bench pipeline: \(Int(rate)) payments/s for \(duration) s from \(senders) senders, fraud rules on, embedded Kafka (3 brokers)")
            let report = try await PipelineBenchmark(rate: rate, seconds: duration, senders: senders, logger: logger).run()
            let reasons = report.declineReasons.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            print(String(format: "  offered %d, COMPLETED %d, declined %d%@, no confirmation within 10 s of the end %d",
                         report.offered, report.completed, report.declined, reasons.isEmpty ? "" : " (\(reasons))", report.missing))
            print(String(format: "  completed payments/s: %.0f (offered %.0f)", Double(report.completed) / report.elapsed, rate))
            print(String(format: "  e2e (scheduled request -> confirmation consumed): p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.0f ms",
                         report.e2e.p50, report.e2e.p95, report.e2e.p99, report.e2e.max))
            let stages = ["fraud", "revenue", "core"].map { String(format: "%@ %.1f ms", $0, report.stageP90[$0] ?? .nan) }
            print("  stage p90 (request record -> result record): " + stages.joined(separator: "  "))
            let path = ["decided", "executed", "confirmed"].map { String(format: "%@ %.1f ms", $0, report.stageP90[$0] ?? .nan) }
            print("  p90 from the request record to: " + path.joined(separator: "  "))
            let bad = report.declined + report.missing
            let failedRun = Double(bad) > Double(report.offered) * 0.001 || report.e2e.max > 10_000
            print("  run \(failedRun ? "FAILED" : "valid") (at most 0.1 % declined or unconfirmed, no payment later than 10 s)")
            let goal = !failedRun && Double(report.completed) / report.elapsed >= 10_000
            print("  goal (>= 10,000 payments/s for 60 s): \(goal ? "met" : "NOT met")")
            if failedRun { throw ExitCode(1) }
        }
    }
}
