import ArgumentParser
import Foundation
import Services

/// `pesagate dlq list|replay`: the parked dead letters, for manual review.
struct DLQCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq",
        abstract: "List parked dead letters, or replay one (refused when its transaction already has a final status).",
        subcommands: [List.self, Replay.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the dead letters recorded by the dlq service.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let settings = try await global.settings()
            let store = try DeadLetterStore.open(path: try DataDirectory(path: settings.dataDirectory).file("dead-letters.sqlite"))
            let entries = try await store.list()
            for entry in entries {
                let envelope = entry.envelope
                print("\(entry.id)  \(envelope.kind)  \(entry.recordedAt)  \(entry.replayedAt.map { "replayed \($0)" } ?? "")")
            }
            print("\(entries.count) dead letter(s)")
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish a parked record again.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var kafka: KafkaOptions
        @Argument(help: "The dead letter's id, as `dlq list` shows it.") var id: String

        func run() async throws {
            let settings = try await global.settings(extra: kafka.flags)
            let logger = ProcessLogging.bootstrap(level: settings.logLevel, format: settings.logFormat)
            let data = try DataDirectory(path: settings.dataDirectory)
            let factory = try PipelineSetup.factory(settings, kafka: try ClusterAddress.resolve(settings),
                                                    ledger: try LedgerSetup.open(data), data: data, logger: logger)
            defer { factory.producer.close() }
            do {
                try await factory.replayer().replay(id: id)
                print("replayed \(id)")
            } catch let refusal as DeadLetterReplayer.Refusal {
                print("refused: \(refusal)")
                throw ExitCode(1)
            }
        }
    }
}
