import ArgumentParser
import Foundation
import Kafka
import Messaging
import Payments

/// `pesagate events`: read and write the seed's events from the command line, through the same typed
/// codecs the services use: what an operator reaches for before kcat.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Tail a topic with the typed decoders, or publish the seed's example request.",
        subcommands: [Tail.self, PublishSeed.self, PublishLoad.self])

    struct Tail: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode a topic's records from the beginning; malformed ones are reported with topic/partition@offset.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var kafka: KafkaOptions

        @Argument(help: "Topic: payment-requests, fraud-analysis, revenue-validation, core-processing, payment-confirmations, audit-trail or payment-dlq.")
        var topic: String

        @Option(help: "Stop after this many records.")
        var count: Int?

        @Option(help: "Stop after this many seconds without a record.")
        var idle: Int = 10

        func run() async throws {
            guard let topic = Topic(rawValue: topic) else { throw ValidationError("unknown topic \(self.topic)") }
            let settings = try await global.settings(extra: kafka.flags)
            let logger = ProcessLogging.bootstrap(level: settings.logLevel == "info" ? "warning" : settings.logLevel, format: settings.logFormat)
            let cluster = try ClusterAddress.resolve(settings)
            let consumer = try KafkaConsumer(
                configuration: ConsumerConfiguration(cluster: cluster, groupID: "pesagate-tail-\(UUID().uuidString.prefix(8))",
                                                     topics: [topic.name]),
                logger: logger)
            defer { consumer.close() }
            var seen = 0
            var iterator = consumer.records.makeAsyncIterator()
            while count.map({ seen < $0 }) ?? true {
                guard let record = await Self.next(&iterator, within: .seconds(idle)) else { break }
                print(EventPrinter.line(for: record, topic: topic))
                fflush(nil)
                consumer.acknowledge(record)
                seen += 1
            }
            print("\(seen) record(s)")
        }

        /// The next record, or nil after `within` of silence (group join included in the first wait).
        static func next(_ iterator: inout ConsumerRecords.AsyncIterator, within: Duration) async -> ConsumerRecord? {
            let box = IteratorBox(iterator)
            let record = await withTaskGroup(of: ConsumerRecord?.self) { group in
                group.addTask { await box.next() }
                group.addTask { try? await Task.sleep(for: within); return nil }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
            iterator = box.iterator
            return record
        }
    }

    struct PublishSeed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish-seed",
            abstract: "Publish the seed's step-1 payment request (254700123456 -> 254711987654, Ksh5,000) with a fresh transaction id.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var kafka: KafkaOptions

        func run() async throws {
            let settings = try await global.settings(extra: kafka.flags)
            let logger = ProcessLogging.bootstrap(level: settings.logLevel == "info" ? "warning" : settings.logLevel, format: settings.logFormat)
            let producer = try KafkaProducer(configuration: ProducerConfiguration(cluster: try ClusterAddress.resolve(settings)),
                                             logger: logger)
            defer { producer.close() }
            // The services' clock (`clock.start`), so the request is dated as the rest of its story.
            let clock = StartedClock(start: settings.clockStart)
            let request = try SeedExample.request(id: TransactionIDGenerator(now: { clock.now() }).next(), at: clock.now())
            let report = try await EventPublisher(producer: producer).publish(
                OutgoingEvent(request, topic: .paymentRequests, key: request.fromMsisdn.value, trace: .start()))
            print("published \(request.transactionId) to \(report.topic)/\(report.partition)@\(report.offset)")
        }
    }
}

/// Holds an iterator across a task boundary for `Tail.next` (used by one task at a time).
private final class IteratorBox: @unchecked Sendable {
    var iterator: ConsumerRecords.AsyncIterator
    init(_ iterator: ConsumerRecords.AsyncIterator) { self.iterator = iterator }
    func next() async -> ConsumerRecord? { await iterator.next() }
}
