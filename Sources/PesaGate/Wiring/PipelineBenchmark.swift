import Foundation
import Histogram
import Kafka
import Ledger
import Logging
import Messaging
import Payments
import ServiceLifecycle
import Services
import Synchronization

/// `pesagate bench pipeline`: payment requests produced open loop at a fixed rate into
/// `payment-requests`, from a large block of funded senders with the fraud rules on, each measured to its
/// `payment-confirmations` event, with the real fraud, revenue, core and orchestrator services in this
/// process on the embedded cluster.
///
/// Latency runs from each request's scheduled time, so a pipeline that falls behind shows it. Each
/// stage's time is the gap between the request's Kafka timestamp and its result's (arrival at the
/// service to the result's acknowledgement, queueing included); the orchestrator's EXECUTE, core's
/// COMPLETED and the confirmation are timed the same way, from the request, to show where time goes. Only COMPLETED payments count as done.
struct PipelineBenchmark {
    var rate: Double
    var seconds: Int
    var senders: Int
    let logger: Logger

    struct Report {
        var offered: Int
        var completed: Int
        var declined: Int
        var missing: Int
        var elapsed: Double
        var e2e: (p50: Double, p95: Double, p99: Double, max: Double)
        var stageP90: [String: Double]
        var declineReasons: [String: Int]
    }

    func run() async throws -> Report {
        let scratch = try BenchmarkScratch(name: "pipeline")
        defer { scratch.remove() }

        let cluster = try EmbeddedCluster(brokers: 3, logger: logger)
        defer { cluster.shutdown() }
        for spec in TopicCatalog.topics(brokerCount: 3) { _ = cluster.createTopic(spec.kafkaSpec) }
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, clientID: "pesagate-bench-pipeline")
        let ledger = try scratch.ledger()
        let numbers = try ledger.seedLoadAccounts(count: senders, balance: 100_000, firstNumber: 7_000_000)

        let factory = try PipelineServiceFactory(
            configuration: PipelineConfiguration(), kafka: kafka, ledger: ledger, logger: logger,
            dataDirectory: scratch.directory.path)
        let services = try factory.services([.fraud, .revenue, .core, .orchestrator])
        let tracker = Tracker()
        var watch = ConsumerConfiguration(
            cluster: kafka, groupID: "bench-pipeline-watch",
            topics: [Topic.paymentRequests, .fraudAnalysis, .revenueValidation, .coreProcessing, .paymentConfirmations].map(\.name))
        watch.fetchWaitMax = .milliseconds(5)
        let watcher = try KafkaConsumer(configuration: watch, logger: logger)
        let group = ServiceGroup(services: services, logger: logger)

        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask { await watcher.consume { record in tracker.observe(record) } }
            // Consumer groups join within a few seconds; the clock starts after that.
            try await Task.sleep(for: .seconds(6))
            let (offered, elapsed) = try await produce(numbers: numbers, producer: factory.producer, tracker: tracker)
            let drainUntil = ContinuousClock.now + .seconds(10)
            while tracker.finished < offered, ContinuousClock.now < drainUntil {
                try await Task.sleep(for: .milliseconds(100))
            }
            watcher.close()
            await group.triggerGracefulShutdown()
            tasks.cancelAll()
            while (try? await tasks.next()) != nil {}
            return tracker.report(offered: offered, elapsed: elapsed)
        }
    }

    /// Sends requests on schedule; returns how many and over how long.
    private func produce(numbers: [MSISDN], producer: KafkaProducer, tracker: Tracker) async throws -> (Int, Double) {
        let total = Int(rate * Double(seconds))
        let publisher = EventPublisher(producer: producer)
        let start = ContinuousClock.now
        let runID = String(UInt32.random(in: 0...UInt32.max), radix: 32).uppercased()
        await withDiscardingTaskGroup { sends in
            for index in 0..<total {
                let due = start + .seconds(Double(index) / rate)
                try? await Task.sleep(until: due)
                guard let id = try? TransactionID(parsing: "TXN-20240902-P\(runID)\(String(index, radix: 32).uppercased())")
                else { continue }
                let request = PaymentRequest(
                    transactionId: id, timestamp: Date(), fromMsisdn: numbers[index % numbers.count],
                    toMsisdn: numbers[(index + 1) % numbers.count].value, amount: Money(amount: 10),
                    transactionType: .p2pTransfer, initiationChannel: "USSD", location: "NAIROBI")
                tracker.scheduled(id.value, at: due)
                sends.addTask {
                    _ = try? await publisher.publish(OutgoingEvent(
                        request, topic: .paymentRequests, key: request.fromMsisdn.value, trace: .payment(id.value)))
                }
            }
        }
        return (total, (ContinuousClock.now - start).benchSeconds)
    }
}

extension PipelineBenchmark {
    /// What the watching consumer saw, per transaction: when the request was due, the Kafka timestamps
    /// of the request and of each answer, and the confirmation.
    final class Tracker: Sendable {
        private struct State {
            var due: [String: ContinuousClock.Instant] = [:]
            var requestTimestamp: [String: Int64] = [:]
            var answerTimestamps: [String: [(stage: String, ms: Int64)]] = [:]
            var e2e = Histogram<UInt64>(highestTrackableValue: 600_000_000_000, numberOfSignificantValueDigits: .three)
            var stages: [String: Histogram<UInt64>] = [:]
            var completed = 0
            var declined = 0
            var declineReasons: [String: Int] = [:]
        }

        private let state = Mutex(State())

        var finished: Int { state.withLock { $0.completed + $0.declined } }

        func scheduled(_ id: String, at due: ContinuousClock.Instant) {
            state.withLock { $0.due[id] = due }
        }

        func observe(_ record: ConsumerRecord) {
            let now = ContinuousClock.now
            let timestamp = record.timestampMilliseconds ?? 0
            switch record.topic {
            case Topic.paymentRequests.name:
                guard let request = try? record.decodeEvent(PaymentRequest.self) else { return }
                state.withLock { state in
                    state.requestTimestamp[request.transactionId.value] = timestamp
                    for answer in state.answerTimestamps.removeValue(forKey: request.transactionId.value) ?? [] {
                        Self.recordStage(&state, answer.stage, answer.ms - timestamp)
                    }
                }
            case Topic.fraudAnalysis.name:
                guard let result = try? record.decodeEvent(FraudResult.self) else { return }
                answer(result.transactionId.value, stage: "fraud", at: timestamp)
            case Topic.revenueValidation.name:
                guard let result = try? record.decodeEvent(RevenueResult.self) else { return }
                answer(result.transactionId.value, stage: "revenue", at: timestamp)
            case Topic.coreProcessing.name:
                switch try? CoreProcessingRecord.decode(from: Data(record.value)) {
                case let .result(result)? where result.coreStatus == .reserved || result.coreStatus == .failed:
                    answer(result.transactionId.value, stage: "core", at: timestamp)
                case let .command(command)? where command.command == .execute:
                    answer(command.transactionId.value, stage: "decided", at: timestamp)
                case let .completion(completion)?:
                    answer(completion.transactionId.value, stage: "executed", at: timestamp)
                default:
                    return
                }
            case Topic.paymentConfirmations.name:
                guard let confirmation = try? record.decodeEvent(PaymentConfirmation.self) else { return }
                answer(confirmation.transactionId.value, stage: "confirmed", at: timestamp)
                state.withLock { state in
                    guard let due = state.due.removeValue(forKey: confirmation.transactionId.value) else { return }
                    if confirmation.finalStatus == .completed {
                        state.completed += 1
                        state.e2e.record(UInt64(max(0, (now - due).benchSeconds * 1e9)))
                    } else {
                        state.declined += 1
                        state.declineReasons[confirmation.reason ?? "?", default: 0] += 1
                    }
                }
            default:
                return
            }
        }

        private func answer(_ id: String, stage: String, at ms: Int64) {
            state.withLock { state in
                if let requested = state.requestTimestamp[id] {
                    Self.recordStage(&state, stage, ms - requested)
                } else {
                    state.answerTimestamps[id, default: []].append((stage, ms))
                }
            }
        }

        private static func recordStage(_ state: inout State, _ stage: String, _ milliseconds: Int64) {
            var histogram = state.stages[stage]
                ?? Histogram<UInt64>(highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three)
            histogram.record(UInt64(max(0, milliseconds)) * 1_000)
            state.stages[stage] = histogram
        }

        func report(offered: Int, elapsed: Double) -> Report {
            state.withLock { state in
                let ms = { (value: UInt64) in Double(value) / 1e6 }
                return Report(
                    offered: offered, completed: state.completed, declined: state.declined,
                    missing: offered - state.completed - state.declined, elapsed: elapsed,
                    e2e: (ms(state.e2e.valueAtPercentile(50)), ms(state.e2e.valueAtPercentile(95)),
                          ms(state.e2e.valueAtPercentile(99)), ms(state.e2e.max)),
                    stageP90: state.stages.mapValues { Double($0.valueAtPercentile(90)) / 1_000 },
                    declineReasons: state.declineReasons)
            }
        }
    }
}
