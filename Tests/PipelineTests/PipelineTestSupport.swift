import Foundation
import Ledger
import Logging
import Messaging
import Payments
import Services
import Synchronization
import XCTest

/// The seed's parties, times and events, shared by the pipeline tests.
enum Seed {
    static let john = try! MSISDN(parsing: "254700123456")
    static let mary = try! MSISDN(parsing: "254711987654")
    static let txn = try! TransactionID(parsing: "TXN-20240902-001")
    /// 2024-09-02T14:30:00Z.
    static let requestTime = Date(timeIntervalSince1970: 1_725_287_400)
    static let completionTime = Date(timeIntervalSince1970: 1_725_287_403)

    static func id(_ text: String) -> TransactionID { try! TransactionID(parsing: text) }

    static func request(
        _ id: TransactionID = txn, from: MSISDN = john, to: String = "254711987654", amount: Money = 5_000,
        at time: Date = requestTime, device: String? = "IMEI-123456789", type: TransactionType = .p2pTransfer
    ) -> PaymentRequest {
        PaymentRequest(
            transactionId: id, timestamp: time, fromMsisdn: from, toMsisdn: to, amount: amount, transactionType: type,
            initiationChannel: "USSD", deviceId: device, location: "NAIROBI")
    }

    static func fraud(_ decision: FraudDecision, _ id: TransactionID = txn) -> FraudResult {
        FraudResult(transactionId: id, fraudScore: 0.23, decision: decision, riskFactors: [], processingTime: 67, fraudSystemId: "FMS-001")
    }

    static func revenue(_ decision: RevenueDecision, _ id: TransactionID = txn) -> RevenueResult {
        RevenueResult(
            transactionId: id, accountBalance: 25_000, dailyLimit: 70_000, dailyUsed: 0, decision: decision,
            calculatedFee: 15, remainingBalance: 19_985)
    }

    static func core(_ status: CoreStatus, _ id: TransactionID = txn) -> CoreResult {
        CoreResult(
            transactionId: id, coreStatus: status, reservationId: status == .reserved ? "RES-789123" : nil,
            coreTransactionId: "CORE-789123", processingTime: 156)
    }

    static func completion(_ id: TransactionID = txn) -> CoreCompletion {
        CoreCompletion(
            transactionId: id, debitAccount: "254700123456", creditAccount: "254711987654",
            debitedAmount: 5_015, creditedAmount: 5_000, transactionFee: 15, completionTime: completionTime,
            senderNewBalance: 19_985, coreTransactionId: "CORE-789123")
    }

    /// An in-memory ledger with John (25,000) and Mary (8,500).
    static func ledger() throws -> LedgerDatabase {
        let ledger = try LedgerDatabase.inMemory(
            tokenizer: MSISDNTokenizer(keyId: "v1", key: Data(repeating: 0x5A, count: 32)),
            pinHasher: PINHasher(pepper: Data(repeating: 0xA5, count: 32)))
        try ledger.addSubscriber(msisdn: john, name: "JOHN KAMAU", openingBalance: 25_000, now: requestTime)
        try ledger.addSubscriber(msisdn: mary, name: "MARY WANJIKU", openingBalance: 8_500, now: requestTime)
        return ledger
    }
}

/// A clock the test moves by hand, so timeouts are tested without sleeping.
final class ManualClock: PipelineClock {
    private let current: Mutex<Date>

    init(_ start: Date = Seed.requestTime) {
        current = Mutex(start)
    }

    func now() -> Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// Captures what a service publishes, instead of a broker.
final class CapturingPublisher: EventPublishing {
    private let events = Mutex<[OutgoingEvent]>([])
    private let failures = Mutex(0)

    /// Makes the next `count` publications fail.
    func failNext(_ count: Int) { failures.withLock { $0 = count } }

    func emit(_ event: OutgoingEvent) async throws {
        let fail = failures.withLock { count -> Bool in
            guard count > 0 else { return false }
            count -= 1
            return true
        }
        if fail { throw PipelineError.transient("broker unavailable") }
        events.withLock { $0.append(event) }
    }

    var all: [OutgoingEvent] { events.withLock { $0 } }

    func on(_ topic: Topic) -> [OutgoingEvent] { all.filter { $0.topic == topic } }

    func decoded<T: Decodable>(_ type: T.Type, on topic: Topic) throws -> [T] {
        try on(topic).map { try EventCoding.decode(type, from: Data($0.value)) }
    }
}

extension Logger {
    /// Quiet unless PIPELINE_TEST_LOG is set.
    static var quiet: Logger {
        var logger = Logger(label: "pipeline-test")
        logger.logLevel = ProcessInfo.processInfo.environment["PIPELINE_TEST_LOG"] == nil ? .critical : .info
        return logger
    }
}

/// The commands among `effects`.
func commands(_ effects: [OrchestratorEffect]) -> [CoreCommand] {
    effects.compactMap { if case let .command(command) = $0 { command } else { nil } }
}

func confirmations(_ effects: [OrchestratorEffect]) -> [PaymentConfirmation] {
    effects.compactMap { if case let .confirmation(confirmation) = $0 { confirmation } else { nil } }
}

func deadLetters(_ effects: [OrchestratorEffect]) -> [DeadLetterEnvelope] {
    effects.compactMap { if case let .deadLetter(envelope) = $0 { envelope } else { nil } }
}
