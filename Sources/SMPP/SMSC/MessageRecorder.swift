import Foundation

/// Appends ``RecordedMessage``s to a JSON-lines file, one flushed line per message, so a test
/// reading the file after a receipt sees every message before it.
final class MessageRecorder {
    private let handle: FileHandle
    private let encoder: JSONEncoder

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle.seekToEndOfFile()
        self.handle = handle
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.encoder = encoder
    }

    /// Called only from the ``SMSCCore`` actor, so writes never interleave.
    func record(_ message: RecordedMessage) {
        guard var line = try? encoder.encode(message) else { return }
        line.append(0x0A)
        handle.write(line)
    }

    func close() {
        try? handle.close()
    }
}

extension RecordedMessage {
    /// Reads a recording back (for tests and tools).
    public static func readAll(path: String) throws -> [RecordedMessage] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let decoder = JSONDecoder()
        return try data.split(separator: 0x0A).map { try decoder.decode(RecordedMessage.self, from: Data($0)) }
    }
}
