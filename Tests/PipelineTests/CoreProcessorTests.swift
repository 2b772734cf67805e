import Foundation
import Ledger
import Payments
import Services
import XCTest

/// Core drives the ledger and relays its outbox to the right topics and keys.
final class CoreProcessorTests: XCTestCase {
    var ledger: LedgerDatabase!
    var publisher: CapturingPublisher!
    var core: CoreProcessor!

    override func setUpWithError() throws {
        ledger = try Seed.ledger()
        publisher = CapturingPublisher()
        core = CoreProcessor(ledger: ledger, tariff: .default, publisher: publisher, clock: ManualClock(), logger: .quiet)
    }

    func command(_ kind: CoreCommandKind, _ id: TransactionID = Seed.txn) throws -> Data {
        try EventCoding.encode(CoreCommand(command: kind, transactionId: id, issuedAt: Seed.requestTime))
    }

    func coreResults() throws -> [CoreResult] {
        try publisher.on(.coreProcessing).compactMap {
            if case let .result(result) = try CoreProcessingRecord.decode(from: Data($0.value)) { result } else { nil }
        }
    }

    func testSeedRequest_reservesAmountPlusFee_andPublishesReservedKeyedByTransaction() async throws {
        try await core.handle(request: Seed.request())
        XCTAssertEqual(try coreResults().map(\.coreStatus), [.reserved])
        XCTAssertEqual(publisher.on(.coreProcessing).first?.key, Seed.txn.value)
        XCTAssertEqual(try ledger.balance(of: Seed.john), 19_985)
    }

    func testRedeliveredRequest_republishesTheSameAnswer_andHoldsOnce() async throws {
        try await core.handle(request: Seed.request())
        try await core.handle(request: Seed.request())
        let results = try coreResults()
        XCTAssertEqual(results.count, 2)
        XCTAssertEqual(results[0], results[1])
        XCTAssertEqual(try ledger.balance(of: Seed.john), 19_985)
    }

    func testExecute_publishesCompletedAndTheTwoAuditEventsKeyedByEventId() async throws {
        try await core.handle(request: Seed.request())
        try await core.handle(coreProcessing: try command(.execute))
        let audit = try publisher.decoded(AuditEvent.self, on: .auditTrail)
        XCTAssertEqual(Set(audit.map(\.eventType)), [.balanceDebited, .balanceCredited])
        XCTAssertEqual(publisher.on(.auditTrail).map(\.key), audit.map(\.eventId))
        XCTAssertEqual(try ledger.balance(of: Seed.mary), 13_500)
    }

    func testReleaseBeforeItsRequest_leavesATombstone_soTheRequestFails() async throws {
        try await core.handle(coreProcessing: try command(.release))
        try await core.handle(request: Seed.request())
        let reserve = try coreResults().first { $0.coreStatus != .released }
        XCTAssertEqual(reserve?.coreStatus, .failed)
        XCTAssertEqual(reserve?.reasonCode, ReasonCode.releasedBeforeRequest)
        XCTAssertEqual(try ledger.balance(of: Seed.john), 25_000)
    }

    func testInsufficientFunds_answersFailed() async throws {
        try await core.handle(request: Seed.request(amount: 25_000))
        XCTAssertEqual(try coreResults().map(\.reasonCode), [ReasonCode.insufficientFunds])
    }

    func testResultsOnCoreProcessing_areSkipped() async throws {
        try await core.handle(coreProcessing: try EventCoding.encode(Seed.core(.reserved)))
        XCTAssertEqual(publisher.all.count, 0)
    }

    func testUnknownCommand_isPoison() async throws {
        let value = Data(#"{"command":"REFUND","transactionId":"TXN-20240902-001","issuedAt":"2024-09-02T14:30:00Z"}"#.utf8)
        do {
            try await core.handle(coreProcessing: value)
            XCTFail("expected poison")
        } catch PipelineError.poison {}
    }

    func testConcurrentRequests_shareGroupCommits_andEachGetsItsOwnAnswer() async throws {
        let core = self.core!
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<40 {
                group.addTask {
                    try await core.handle(request: Seed.request(Seed.id("TXN-20240902-C\(n)"), amount: 500))
                }
            }
            try await group.waitForAll()
        }
        let results = try coreResults()
        XCTAssertEqual(Set(results.map(\.transactionId)).count, 40)
        XCTAssertEqual(results.filter { $0.coreStatus == .reserved }.count, 40)
        XCTAssertEqual(try ledger.balance(of: Seed.john)?.amount, 25_000 - 40 * 505, "fee 5 on 500")
        XCTAssertTrue(try ledger.checkInvariants().isHealthy)
    }
}
