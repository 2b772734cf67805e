import Foundation

/// The data directory: databases, and the address files other processes read to find this one
/// (`kafka.bootstrap`, `smsc.address`, ARCHITECTURE.md).
struct DataDirectory: Sendable {
    let path: String

    init(path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func write(_ name: String, _ contents: String) throws {
        try Data((contents + "\n").utf8).write(to: URL(fileURLWithPath: file(name)), options: .atomic)
    }

    func read(_ name: String) -> String? {
        (try? String(contentsOfFile: file(name), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let kafkaBootstrap = "kafka.bootstrap"
    static let smscAddress = "smsc.address"
}
