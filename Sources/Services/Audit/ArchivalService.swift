import AuditArchive
import Foundation
import Kafka
import Logging
import ServiceLifecycle

/// The seed's step 8, archival: `audit-archival-cg` reads `audit-trail` into the compliance archive
/// (``AuditArchive``: month partitions, a hash chain per topic partition, 7-year retention).
///
/// Records of one partition arrive in offset order (the consumer keeps per-partition order), which is
/// the order the archive chains them in; the offset is committed only after the archive stored the
/// record, and a redelivered record is recognised by its offset or its `eventId` and stored once.
/// Older partitions are purged at start and once a day.
public final class ArchivalService: Service, Sendable {
    public static let consumerGroup = "audit-archival-cg"

    public let archive: AuditArchive
    let consumer: KafkaConsumer
    let purgeInterval: Duration
    let logger: Logger

    public init(consumer: KafkaConsumer, archive: AuditArchive, purgeInterval: Duration = .seconds(86_400), logger: Logger) {
        self.consumer = consumer
        self.archive = archive
        self.purgeInterval = purgeInterval
        self.logger = logger
    }

    public func run() async throws {
        await ConsumerLoop.run(consumer, background: [{ [self] in await purgeLoop() }]) { [self] record in
            let input = ArchiveInput(
                partition: record.partition, offset: record.offset, key: record.keyString ?? "", value: record.value)
            let outcome = try await archive.store([input])
            if outcome.malformed > 0 {
                logger.error("audit record kept as malformed in the archive", metadata: ["record": "\(record.coordinates)"])
            }
        }
    }

    /// Drops month partitions older than the seed's 7-year retention.
    func purgeLoop() async {
        while !Task.isCancelled {
            do {
                let outcome = try archive.purge(olderThan: AuditArchive.retentionCutoff(now: Date()))
                logger.info("audit archive retention applied", metadata: ["outcome": "\(outcome)"])
            } catch {
                logger.error("audit archive purge failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: purgeInterval)
        }
    }
}
