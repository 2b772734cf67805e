import ArgumentParser
import AuditArchive
import Foundation
import Ledger
import Services

/// `pesagate audit TRANSACTION-ID` and `pesagate audit verify`: the regulator's view of the archive.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Reconstruct a transaction from the compliance archive, or verify the archive's hash chains.",
        subcommands: [Timeline.self, Verify.self],
        defaultSubcommand: Timeline.self)

    struct Timeline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline",
            abstract: "Print every archived step of one transaction in order (pesagate audit TXN-…).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The transaction id, e.g. TXN-20240902-001.") var transactionId: String
        @Flag(help: "Show subscribers' numbers instead of tokens; needs the tokenization key (<data>/keys or PESAGATE_TOKEN_KEY).")
        var reveal = false

        func run() async throws {
            let settings = try await global.settings()
            let data = try DataDirectory(path: settings.dataDirectory)
            let archive = try AuditArchive(path: data.file(PipelineConfiguration().auditArchivePath))
            let entries = try archive.timeline(transactionId: transactionId)
            guard !entries.isEmpty else {
                print("\(transactionId): not in the archive \(archive.path)")
                throw ExitCode(1)
            }
            let tokenizer = reveal ? try SecretKeys.existingTokenizer(data: data) : nil
            print("\(transactionId): \(entries.count) archived event(s)")
            for entry in AuditTimelineLine.lifecycleOrder(entries) {
                print(AuditTimelineLine(entry, tokenizer: tokenizer).text)
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute every hash chain of the archive; exit 1 and name the first break of each partition.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let settings = try await global.settings()
            let data = try DataDirectory(path: settings.dataDirectory)
            let archive = try AuditArchive(path: data.file(PipelineConfiguration().auditArchivePath))
            let report = try archive.verify()
            print(report)
            if !report.breaks.isEmpty { throw ExitCode(1) }
        }
    }
}
