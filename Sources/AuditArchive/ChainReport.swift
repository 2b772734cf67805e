/// The outcome of ``AuditArchive/verify()``: every partition's chain walked, and its first break if any.
public struct ChainReport: Sendable, Hashable, CustomStringConvertible {
    /// The first break of each broken partition, by partition.
    public let breaks: [ChainBreak]
    /// Entries whose hash and link were recomputed (a broken partition is not read past its break).
    public let entriesChecked: Int
    /// Kafka partitions walked.
    public let partitionsChecked: Int

    public init(breaks: [ChainBreak], entriesChecked: Int, partitionsChecked: Int) {
        self.breaks = breaks
        self.entriesChecked = entriesChecked
        self.partitionsChecked = partitionsChecked
    }

    /// True when no partition's chain is broken.
    public var isIntact: Bool { breaks.isEmpty }

    /// The first break of `partition`, if its chain is broken.
    public func firstBreak(partition: Int32) -> ChainBreak? {
        breaks.first { $0.partition == partition }
    }

    public var description: String {
        let summary = "\(entriesChecked) entries in \(partitionsChecked) partitions"
        guard !isIntact else { return "chain intact: \(summary)" }
        return (["chain BROKEN: \(summary)"] + breaks.map { "  \($0)" }).joined(separator: "\n")
    }
}
