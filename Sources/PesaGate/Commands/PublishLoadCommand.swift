import ArgumentParser
import Foundation
import Kafka
import Messaging
import Payments

extension EventsCommand {
    /// `pesagate events publish-load`: payment requests at a fixed rate from a seeded load block, for
    /// scale-out and crash tests of the pipeline services.
    struct PublishLoad: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish-load",
            abstract: "Publish N P2P requests (Ksh10 to the next number) at a fixed rate from the load block seeded by `accounts seed-load`.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var kafka: KafkaOptions
        @Option(help: "How many requests.") var count: Int
        @Option(help: "Requests per second.") var rate: Double = 200
        @Option(help: "First number of the seeded block (as given to `accounts seed-load --first`).") var first: Int = 0
        @Option(help: "How many accounts the block holds.") var accounts: Int

        func validate() throws {
            guard count > 0, rate > 0, accounts >= 2, first >= 0, first + accounts <= 10_000_000 else {
                throw ValidationError("--count, --rate > 0; --accounts >= 2 within the 25479 block")
            }
        }

        func run() async throws {
            let settings = try await global.settings(extra: kafka.flags)
            let logger = ProcessLogging.bootstrap(level: settings.logLevel == "info" ? "warning" : settings.logLevel, format: settings.logFormat)
            let producer = try KafkaProducer(configuration: ProducerConfiguration(cluster: try ClusterAddress.resolve(settings)),
                                             logger: logger)
            defer { producer.close() }
            let publisher = EventPublisher(producer: producer)
            let ids = TransactionIDGenerator()
            let numbers = try (first..<(first + accounts)).map { n in
                let digits = String(n)
                return try MSISDN(parsing: "25479" + String(repeating: "0", count: 7 - digits.count) + digits)
            }
            let start = ContinuousClock.now
            let failed = await withTaskGroup(of: Bool.self) { sends in
                for index in 0..<count {
                    try? await Task.sleep(until: start + .seconds(Double(index) / rate))
                    let id = ids.next()
                    let request = PaymentRequest(
                        transactionId: id, timestamp: Date(), fromMsisdn: numbers[index % numbers.count],
                        toMsisdn: numbers[(index + 1) % numbers.count].value, amount: Money(amount: 10),
                        transactionType: .p2pTransfer, initiationChannel: "USSD")
                    sends.addTask {
                        (try? await publisher.publish(OutgoingEvent(
                            request, topic: .paymentRequests, key: request.fromMsisdn.value, trace: .payment(id.value)))) == nil
                    }
                }
                return await sends.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            let seconds = (ContinuousClock.now - start).benchSeconds
            print(String(format: "published %d payment requests in %.1f s (%.0f/s), %d not acknowledged", count - failed, seconds,
                         Double(count - failed) / seconds, failed))
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
