import ArgumentParser
import Foundation
import Logging

extension BenchCommand {
    /// `pesagate bench sessions`: memory at a full session store, and after as many again.
    struct Sessions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open N USSD sessions (the store's capacity), then M more: resident memory must stay flat.")

        @Option(help: "Sessions to open first; also the store's capacity.")
        var capacity = 100_000

        @Option(help: "Sessions opened beyond capacity (the oldest are dropped).")
        var extra = 100_000

        @Option(help: "Directory of the USSD menus.")
        var menus = "./menus"

        func run() async throws {
            var logger = Logger(label: "bench")
            logger.logLevel = .error
            print("bench sessions: \(capacity) sessions (capacity \(capacity)), then \(extra) more; first hops of registered subscribers")
            let report = try await SessionMemoryBenchmark(capacity: capacity, extra: extra, menusDirectory: menus, logger: logger).run()
            print(String(format: "  resident memory: %.0f MiB before, %.0f MiB with %d open sessions, %.0f MiB after %d more (%d open)",
                         report.baselineMiB, report.atCapacityMiB, report.openAtCapacity, report.afterExtraMiB, extra,
                         report.openAfterExtra))
            let perSession = (report.atCapacityMiB - report.baselineMiB) * 1_048_576 / Double(max(1, report.openAtCapacity))
            let growth = report.afterExtraMiB - report.atCapacityMiB
            print(String(format: "  about %.1f KiB per open session; growth after capacity: %+.0f MiB; %.1f s", perSession / 1024,
                         growth, report.seconds))
            let flat = report.openAfterExtra <= capacity && growth <= max(16, (report.atCapacityMiB - report.baselineMiB) * 0.15)
            print("  memory flat beyond capacity: \(flat ? "yes" : "NO")")
            if !flat { throw ExitCode(1) }
        }
    }
}
