/// Where a partition's chain resumes after retention purged its beginning: the seq and hash of the
/// last purged entry, which the first remaining entry's `prev_hash` must equal.
public struct ChainAnchor: Sendable, Hashable {
    public let partition: Int32
    public let seq: Int64
    /// SHA-256, 32 bytes.
    public let hash: [UInt8]

    public init(partition: Int32, seq: Int64, hash: [UInt8]) {
        self.partition = partition
        self.seq = seq
        self.hash = hash
    }
}
