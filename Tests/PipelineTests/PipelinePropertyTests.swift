import Foundation
import Ledger
import Messaging
import Payments
import Services
import Synchronization
import XCTest

/// A small deterministic generator, so a failing seed can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Collects what core publishes so the simulation can deliver it onward.
final class Mailbox: EventPublishing {
    private let events = Mutex<[OutgoingEvent]>([])
    func emit(_ event: OutgoingEvent) async throws { events.withLock { $0.append(event) } }
    func take() -> [OutgoingEvent] { events.withLock { let all = $0; $0 = []; return all } }
}

/// Seeded random payments through revenue, core and the orchestrator, delivered in random order with
/// duplicates and redeliveries, and with the clock jumping past deadlines. After every batch the ledger
/// must be healthy; at the end every payment has exactly one confirmation and no hold is left open.
final class PipelinePropertyTests: XCTestCase {
    enum Delivery {
        case fraud(FraudResult)
        case revenueRequest(PaymentRequest)
        case coreRequest(PaymentRequest)
        case orchestratorRequest(PaymentRequest)
        case revenueResult(RevenueResult)
        case coreRecord(Data)
        case command(Data)
    }

    func testRandomPayments_withDuplicatesAndReordering_keepTheLedgerAndDecisionsSound() async throws {
        for seed: UInt64 in [1, 7, 2024] {
            try await runSimulation(seed: seed, payments: 60)
        }
    }

    func runSimulation(seed: UInt64, payments: Int) async throws {
        var random = SplitMix64(state: seed)
        let clock = ManualClock()
        let ledger = try Seed.ledger()
        let people = (0..<6).map { try! MSISDN(parsing: "25472200000\($0)") }
        for person in people {
            try ledger.addSubscriber(msisdn: person, name: "P", openingBalance: Money(amount: Int64.random(in: 0...30_000, using: &random)), now: clock.now())
        }
        let mailbox = Mailbox()
        let core = CoreProcessor(ledger: ledger, tariff: .default, publisher: mailbox, clock: clock, logger: .quiet)
        let revenue = RevenueProcessor(
            publisher: mailbox, answers: try AnswerStore.inMemory(), ledger: ledger, tariff: .default,
            metrics: PipelineMetrics(), clock: clock)
        let orchestrator = Orchestrator(
            store: try JoinStore.inMemory(), clock: clock, timeout: .seconds(5), completionAlertAfter: .seconds(30),
            metrics: PipelineMetrics(), logger: .quiet)

        var queue: [Delivery] = []
        var confirmations: [TransactionID: [PaymentConfirmation]] = [:]
        var ids: [TransactionID] = []
        for n in 0..<payments {
            let id = try TransactionID(parsing: "TXN-20240902-P\(seed)X\(n)")
            ids.append(id)
            let from = people.randomElement(using: &random)!
            let to = people.filter { $0 != from }.randomElement(using: &random)!
            let request = Seed.request(id, from: from, to: to.value, amount: Money(amount: Int64.random(in: 1...12_000, using: &random)))
            let fraud = FraudResult(
                transactionId: id, fraudScore: 0.1, decision: Int.random(in: 0..<10, using: &random) == 0 ? .declined : .approved,
                riskFactors: [], processingTime: 1, fraudSystemId: "FMS-001")
            queue += [.fraud(fraud), .revenueRequest(request), .coreRequest(request), .orchestratorRequest(request)]
        }

        func route(_ effects: [OrchestratorEffect]) {
            for effect in effects {
                switch effect {
                case let .command(command): queue.append(.command(try! EventCoding.encode(command)))
                case let .confirmation(confirmation): confirmations[confirmation.transactionId, default: []].append(confirmation)
                default: break
                }
            }
        }

        func collectPublished() {
            for event in mailbox.take() {
                switch event.topic {
                case .revenueValidation: queue.append(.revenueResult(try! EventCoding.decode(RevenueResult.self, from: Data(event.value))))
                case .coreProcessing: queue.append(.coreRecord(Data(event.value)))
                default: break
                }
            }
        }

        var steps = 0
        while !queue.isEmpty {
            let index = Int.random(in: 0..<queue.count, using: &random)
            let delivery = Int.random(in: 0..<5, using: &random) == 0 ? queue[index] : queue.remove(at: index)  // 1 in 5 redelivered
            switch delivery {
            case let .fraud(result): route(try await orchestrator.handle(fraud: result))
            case let .revenueRequest(request): try await revenue.process(request)
            case let .coreRequest(request): try await core.handle(request: request)
            case let .orchestratorRequest(request): route(try await orchestrator.handle(request: request))
            case let .revenueResult(result): route(try await orchestrator.handle(revenue: result))
            case let .command(data): try await core.handle(coreProcessing: data)
            case let .coreRecord(data):
                switch try CoreProcessingRecord.decode(from: data) {
                case let .result(result): route(try await orchestrator.handle(core: result))
                case let .completion(completion): route(try await orchestrator.handle(completion: completion))
                default: break
                }
            }
            collectPublished()
            steps += 1
            if Int.random(in: 0..<100, using: &random) == 0 {
                clock.advance(by: Double(Int.random(in: 1...2, using: &random)))
                route(try await orchestrator.fireDueTimers())
            }
            if steps % 50 == 0 {
                let health = try ledger.checkInvariants()
                XCTAssertTrue(health.isHealthy, "seed \(seed) step \(steps): \(health)")
            }
        }
        clock.advance(by: 60)
        route(try await orchestrator.fireDueTimers())
        // Releases the timers sent: deliver them too.
        while !queue.isEmpty {
            if case let .command(data) = queue.removeFirst() { try await core.handle(coreProcessing: data) }
            collectPublished()
        }

        let health = try ledger.checkInvariants()
        XCTAssertTrue(health.isHealthy, "seed \(seed): \(health)")
        XCTAssertEqual(health.totalBalance, 0, "money is neither created nor destroyed")
        XCTAssertEqual(health.openHolds, 0, "seed \(seed): a hold is left open")
        for id in ids {
            XCTAssertEqual(confirmations[id]?.count, 1, "seed \(seed): \(id) must have exactly one confirmation")
        }
        let fees = confirmations.values.flatMap { $0 }.filter { $0.finalStatus == .completed }.reduce(0) { $0 + $1.fee.amount }
        XCTAssertEqual(try ledger.systemAccount(.feeIncome).balance.amount, fees, "seed \(seed): fees of completed payments")
        // The run is only meaningful if it mixes outcomes.
        let statuses = Set(confirmations.values.flatMap { $0 }.map(\.finalStatus))
        XCTAssertEqual(statuses, [.completed, .failed], "seed \(seed)")
        let reasons = Set(confirmations.values.flatMap { $0 }.compactMap(\.reason))
        if ProcessInfo.processInfo.environment["PIPELINE_TEST_LOG"] != nil {
            print("seed \(seed): \(confirmations.values.filter { $0.first?.finalStatus == .completed }.count) completed, reasons \(reasons)")
        }
    }
}
