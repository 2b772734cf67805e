import Crypto
import Foundation

/// A W3C trace context (`traceparent`): one trace id follows a payment from the USSD hop through every
/// Kafka event to the SMPP submit and its receipt. Each hop keeps the trace id and takes a new span id.
public struct TraceContext: Sendable, Hashable, CustomStringConvertible {
    /// 32 lower-case hex digits, never all zero.
    public let traceID: String
    /// 16 lower-case hex digits: the span that produced the carrier.
    public let spanID: String
    public let sampled: Bool

    /// The Kafka header name and the W3C header name are the same.
    public static let headerName = "traceparent"

    /// Starts a new trace (a USSD hop, or an event that arrived without a trace).
    public static func start() -> TraceContext {
        TraceContext(traceID: randomHex(bytes: 16), spanID: randomHex(bytes: 8), sampled: true)
    }

    /// The trace of one payment: its trace id is derived from the transaction id (the first 16 bytes of
    /// SHA-256 over it), with a fresh span.
    ///
    /// The gateway starts each payment's trace this way, and a relay that publishes from a durable
    /// outbox (core's ledger outbox, the orchestrator's effects) — possibly after a restart, long after
    /// the record that caused the event was committed — continues the same trace from the transaction
    /// id alone, without storing a header per row. Transaction ids are unique, so trace ids are too.
    public static func payment(_ transactionId: String) -> TraceContext {
        let digest = SHA256.hash(data: Data("pesagate-trace:\(transactionId)".utf8))
        let traceID = digest.prefix(16).map { String(format: "%02x", $0) }.joined()
        return TraceContext(traceID: traceID, spanID: randomHex(bytes: 8), sampled: true)
    }

    /// Parses `00-<trace>-<span>-<flags>`; nil for anything malformed (then a new trace starts).
    public init?(traceparent: String) {
        let parts = traceparent.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "00", parts[1].count == 32, parts[2].count == 16, parts[3].count == 2,
              parts[1].allSatisfy(\.isHexDigitLowercase), parts[2].allSatisfy(\.isHexDigitLowercase),
              parts[1] != String(repeating: "0", count: 32), parts[2] != String(repeating: "0", count: 16),
              let flags = UInt8(parts[3], radix: 16)
        else { return nil }
        self.init(traceID: String(parts[1]), spanID: String(parts[2]), sampled: flags & 1 == 1)
    }

    init(traceID: String, spanID: String, sampled: Bool) {
        self.traceID = traceID
        self.spanID = spanID
        self.sampled = sampled
    }

    /// The same trace, a new span: what a service stamps on the events it produces.
    public func child() -> TraceContext {
        TraceContext(traceID: traceID, spanID: Self.randomHex(bytes: 8), sampled: sampled)
    }

    public var traceparent: String { "00-\(traceID)-\(spanID)-\(sampled ? "01" : "00")" }
    public var description: String { traceparent }

    private static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        repeat {
            text = (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        } while text.allSatisfy { $0 == "0" }
        return text
    }
}

extension Character {
    fileprivate var isHexDigitLowercase: Bool { isHexDigit && !isUppercase }
}
