import Foundation
import Logging
import Synchronization

/// The process's swift-log handler: one line per record on standard error (one write(2) per line, so
/// lines from concurrent tasks never interleave), as text for people or as
/// JSON for log pipelines (`log.format`), with every MSISDN masked (``MSISDNRedactor``).
///
/// JSON lines carry the metadata as top-level fields, so `traceId` and `transactionId` are directly
/// searchable: one trace id follows a payment from the USSD hop to its SMS receipt.
struct PesaGateLogHandler: LogHandler {
    enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    let label: String
    let format: Format
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    private static let redactor = MSISDNRedactor()
    private static let output = Mutex<Void>(())

    init(label: String, format: Format, level: Logger.Level) {
        self.label = label
        self.format = format
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let time = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        let line = switch format {
        case .text: Self.textLine(time: time, level: event.level, label: label, message: "\(event.message)", metadata: merged)
        case .json: Self.jsonLine(time: time, level: event.level, label: label, message: "\(event.message)", metadata: merged)
        }
        let bytes = Array(Self.redactor.redact(line).utf8) + [0x0A]
        Self.output.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }

    static func textLine(time: String, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        let fields = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        return "\(time) \(level) \(label) :\(fields.isEmpty ? "" : " " + fields) \(message)"
    }

    static func jsonLine(time: String, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var object: [String: String] = ["time": time, "level": level.rawValue, "label": label, "message": message]
        for (key, value) in metadata where object[key] == nil { object[key] = "\(value)" }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return message }
        return String(decoding: data, as: UTF8.self)
    }
}
