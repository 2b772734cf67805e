import Foundation
import Ledger

/// A benchmark's throw-away data directory with a durable ledger in it (fixed, non-secret keys: nothing
/// in it outlives the run). ``remove()`` deletes it all.
struct BenchmarkScratch {
    let directory: URL

    /// Creates `<tmp>/pesagate-bench-<name>-<uuid>`.
    init(name: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pesagate-bench-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The ledger at `<directory>/ledger.sqlite`, as `pesagate run` opens it (WAL, `synchronous=FULL`).
    func ledger() throws -> LedgerDatabase {
        try LedgerDatabase.open(
            path: directory.appendingPathComponent("ledger.sqlite").path,
            tokenizer: try MSISDNTokenizer(keyId: "bench", key: Data(repeating: 0x42, count: 32)),
            pinHasher: try PINHasher(pepper: Data(repeating: 0x24, count: 32)))
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

extension Duration {
    /// The duration in seconds, for rates and histograms.
    var benchSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
