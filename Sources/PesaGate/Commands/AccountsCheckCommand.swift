import ArgumentParser
import Foundation
import Ledger

extension AccountsCommand {
    /// `pesagate accounts check`: the ledger's bookkeeping invariants, for operators and crash tests.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the ledger: every entry balanced, balances equal their postings, no negative customer balance, holds match open reservations.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let ledger = try await openLedger(global)
            let invariants = try ledger.checkInvariants()
            print("""
                ledger \(invariants.isHealthy ? "healthy" : "NOT healthy"): sum of all balances \(invariants.totalBalance), \
                unbalanced entries \(invariants.unbalancedEntries), balance mismatches \(invariants.balanceMismatches), \
                negative balances \(invariants.negativeBalances), open holds \(invariants.openHolds) \
                (held \(invariants.holdBalance), reserved \(invariants.heldReservationsTotal))
                """)
            if !invariants.isHealthy || invariants.openHolds > 0 { throw ExitCode(1) }
        }
    }
}
