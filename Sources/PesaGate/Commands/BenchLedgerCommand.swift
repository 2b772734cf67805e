import ArgumentParser
import Foundation

extension BenchCommand {
    /// `pesagate bench ledger`: durable transfers/s with and without group commit.
    struct LedgerBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ledger",
            abstract: "Durable whole transfers/s on the SQLite ledger (reserve + execute, postings, idempotency, outbox), by batch size; batch 1 is the baseline.")

        @Option(help: "Transfers per batch size (batch size 1 runs at most 2,000).")
        var transfers = 100_000

        @Option(help: "Funded subscribers the transfers rotate through.")
        var accounts = 10_000

        @Option(help: "Batch sizes to measure, comma-separated (1 = one commit per operation).")
        var batches = "1,100,1000"

        func run() async throws {
            let sizes = batches.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else { throw ValidationError("--batches: positive whole numbers") }
            print("bench ledger: \(transfers) transfers of Ksh1 between \(accounts) subscribers, SQLite WAL synchronous=FULL")
            let (lines, invariants) = try LedgerBenchmark(transfers: transfers, accounts: accounts, batchSizes: sizes).run()
            let baseline = lines.first { $0.batchSize == 1 }?.rate
            for line in lines {
                var text = String(format: "  batch %5d: %7d transfers in %6.2f s = %8.0f transfers/s", line.batchSize,
                                  line.transfers, line.seconds, line.rate)
                if let baseline, line.batchSize != 1 { text += String(format: "  (%.1f x batch 1)", line.rate / baseline) }
                print(text)
            }
            print("  ledger after the run: \(invariants.isHealthy ? "balanced" : "NOT balanced") (sum \(invariants.totalBalance), open holds \(invariants.openHolds), negative balances \(invariants.negativeBalances))")
            let best = lines.map(\.rate).max() ?? 0
            print("  goal (>= 100,000 transfers/s): \(best >= 100_000 ? "met" : "NOT met")")
            if !invariants.isHealthy { throw ExitCode(1) }
        }
    }
}
