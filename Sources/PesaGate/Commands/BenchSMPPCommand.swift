import ArgumentParser
import Foundation
import Logging
import SMPP

extension BenchCommand {
    /// `pesagate bench smpp`: our SMS path against Kannel on the same SMPP simulator, per window.
    struct SMPPBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "smpp",
            abstract: "SMS delivered/s (receipt matched) through our outbox + ESME and through Kannel, against one smsc-sim over loopback, per SMPP window, and their ratio.")

        @Option(help: "Messages per window, the same for both sides (default: 400 x window, at least 1,000 and at most 20,000, so Kannel's side also runs for seconds).")
        var messages: Int?

        @Option(help: "SMPP windows to measure, comma-separated (Kannel's max-pending-submits is set to each).")
        var windows = "1,10,100"

        @Option(help: "Kannel: auto (run when bearerbox and smsbox are installed), off, or required.")
        var kannel: KannelMode = .auto

        @Option(help: "Text of every message, one SMS long (default: seed-like confirmation texts, one per transaction).")
        var text: String?

        @Option(help: "Concurrent HTTP connections handing messages to Kannel's sendsms.")
        var kannelConnections = 64

        @Flag(help: "Also time our ESME without the outbox and the outbox without the ESME, to show where the time goes.")
        var breakdown = false

        func validate() throws {
            guard !windowSizes.isEmpty, windowSizes.allSatisfy({ $0 > 0 }) else { throw ValidationError("--windows: positive whole numbers") }
            if let messages, messages < 1 { throw ValidationError("--messages must be at least 1") }
            guard kannelConnections > 0 else { throw ValidationError("--kannel-connections must be at least 1") }
            // Each side counts one receipt per message, and Kannel reports each part of a long one.
            if let text, (try? SMSEncoder().encode(text, reference: 0).parts.count) != 1 {
                throw ValidationError("--text must fit one SMS (160 GSM characters, 70 in UCS-2)")
            }
        }

        var windowSizes: [Int] {
            windows.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }

        func run() async throws {
            var logger = Logger(label: "bench")
            logger.logLevel = ProcessInfo.processInfo.environment["BENCH_VERBOSE"] == nil ? .error : .notice
            let fixed = messages
            let count: @Sendable (Int) -> Int = { window in fixed ?? min(20_000, max(1_000, 400 * window)) }
            print("bench smpp: windows \(windowSizes.map(String.init).joined(separator: ", ")), messages per window \(windowSizes.map { SMPPBenchLine.grouped(Double(count($0))) }.joined(separator: "/")), smsc-sim's SMSCServer in this process on loopback (DELIVRD receipt at once), a message counts when its receipt is matched")
            print("  ours: SQLite outbox opened as `pesagate run` opens it -> dispatcher -> ESME; Kannel \(kannel == .off ? "off" : "(if installed): bearerbox + smsbox, file store, internal DLR storage, sendsms over HTTP, DLR callbacks")")
            let benchmark = SMPPBenchmark(
                windows: windowSizes, messages: count, text: text, kannel: kannel, kannelConnections: kannelConnections,
                breakdown: breakdown, logger: logger)
            do {
                let (lines, skipped) = try await benchmark.run { print($0) }
                for goal in SMPPBenchLine.goals(lines, kannelSkipped: skipped) { print(goal) }
            } catch let error as SMPPBenchError {
                print("bench smpp failed: \(error)")
                throw ExitCode(1)
            }
        }
    }
}
