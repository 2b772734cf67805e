import Foundation

/// A record of `audit-trail` that could not be read as an audit event, kept so that nothing the topic
/// carried disappears without a trace: an operator can see what arrived, where, and why it was refused.
public struct MalformedRecord: Sendable, Hashable {
    public let partition: Int32
    public let offset: Int64
    public let key: String
    /// The record value as received (possibly not even UTF-8).
    public let value: [UInt8]
    /// Why it is not an audit event, e.g. `missing field "timestamp"`.
    public let error: String
    /// When the archive received it.
    public let receivedAt: Date

    public init(partition: Int32, offset: Int64, key: String, value: [UInt8], error: String, receivedAt: Date) {
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.error = error
        self.receivedAt = receivedAt
    }
}
