/// Collects the parts of concatenated messages, in any order, and hands back each text once its
/// last part arrives.
///
/// Parts are grouped by the caller's `Key` (e.g. source and destination address) and the
/// segment reference. Payloads are joined before decoding, so even a sender that cut a
/// surrogate or ESC pair between parts is read correctly. Abandoned messages are the caller's to
/// expire with ``discard(where:)``, since only it knows the clock.
public struct SMSReassembler<Key: Hashable & Sendable>: Sendable {
    private struct Pending: Sendable {
        var dataCoding: DataCoding
        var total: UInt8
        var payloads: [UInt8: [UInt8]]
    }

    private struct PendingKey: Hashable, Sendable {
        var key: Key
        var reference: UInt16
    }

    private var pending: [PendingKey: Pending] = [:]

    public init() {}

    /// Messages still waiting for parts.
    public var pendingCount: Int { pending.count }

    /// Adds one part; returns the whole text when this part completed it (at once for an
    /// unsegmented message), nil while parts are missing.
    public mutating func add(_ content: SMSContent, key: Key) throws(SMSCodingError) -> String? {
        guard let segment = content.segment else { return try content.text() }
        guard segment.total > 0, segment.number > 0, segment.number <= segment.total else {
            throw .invalidSegment(number: segment.number, total: segment.total)
        }
        let pendingKey = PendingKey(key: key, reference: segment.reference)
        var entry = pending[pendingKey] ?? Pending(dataCoding: content.dataCoding, total: segment.total, payloads: [:])
        if entry.total != segment.total {
            // The reference was reused for a new message: the old one will never complete.
            entry = Pending(dataCoding: content.dataCoding, total: segment.total, payloads: [:])
        }
        entry.payloads[segment.number] = content.payload
        guard entry.payloads.count == Int(entry.total) else {
            pending[pendingKey] = entry
            return nil
        }
        pending[pendingKey] = nil
        let joined = (1...entry.total).flatMap { entry.payloads[$0] ?? [] }
        return try SMSContent.text(from: joined, dataCoding: entry.dataCoding)
    }

    /// Drops incomplete messages whose key matches, e.g. those of a handset that unbound.
    public mutating func discard(where shouldDiscard: (Key) -> Bool) {
        pending = pending.filter { !shouldDiscard($0.key.key) }
    }
}
