import Foundation
import Ledger
import Payments
import Services
import XCTest

/// Revenue's answer from the ledger's posted state, and each reason to decline.
final class RevenueProcessorTests: XCTestCase {
    var ledger: LedgerDatabase!
    var processor: RevenueProcessor!

    override func setUpWithError() throws {
        ledger = try Seed.ledger()
        processor = RevenueProcessor(
            publisher: CapturingPublisher(), answers: try AnswerStore.inMemory(), ledger: ledger, tariff: .default,
            metrics: PipelineMetrics(), clock: ManualClock())
    }

    func testSeedRequest_afterCoreAlreadyReserved_stillShowsRemaining19985() throws {
        _ = try ledger.reserve(request: Seed.request(), fee: 15, limits: TariffTable.default.tierLimits, now: Seed.requestTime)
        let result = try processor.evaluate(Seed.request(), now: Seed.requestTime)
        XCTAssertEqual(result.decision, .approved)
        XCTAssertEqual(result.accountBalance, 25_000)
        XCTAssertEqual(result.calculatedFee, 15)
        XCTAssertEqual(result.remainingBalance, 19_985)
        XCTAssertEqual(result.dailyLimit, 70_000)
        XCTAssertNil(result.reasonCode)
    }

    func testInsufficientFunds_declines() throws {
        let result = try processor.evaluate(Seed.request(from: Seed.mary, to: "254700123456", amount: 8_500), now: Seed.requestTime)
        XCTAssertEqual(result.reasonCode, ReasonCode.insufficientFunds)
        XCTAssertEqual(result.decision, .declined)
    }

    func testPerTransactionLimit_declines() throws {
        let result = try processor.evaluate(Seed.request(amount: 70_001), now: Seed.requestTime)
        XCTAssertEqual(result.reasonCode, ReasonCode.transactionLimitExceeded)
    }

    func testDailyLimit_countsEarlierPaymentsOfTheDay() throws {
        try ledger.addSubscriber(msisdn: try MSISDN(parsing: "254722000001"), name: "RICH", openingBalance: 200_000, now: Seed.requestTime)
        let rich = try MSISDN(parsing: "254722000001")
        _ = try ledger.reserve(request: Seed.request(Seed.id("TXN-20240902-101"), from: rich, amount: 60_000), fee: 50,
                               limits: TariffTable.default.tierLimits, now: Seed.requestTime)
        let result = try processor.evaluate(Seed.request(Seed.id("TXN-20240902-102"), from: rich, amount: 20_000), now: Seed.requestTime)
        XCTAssertEqual(result.dailyUsed, 60_000)
        XCTAssertEqual(result.reasonCode, ReasonCode.dailyLimitExceeded)
    }

    func testRecipientBalanceLimit_declines() throws {
        try ledger.addSubscriber(msisdn: try MSISDN(parsing: "254722000002"), name: "FULL", openingBalance: 299_000, now: Seed.requestTime)
        let result = try processor.evaluate(Seed.request(to: "254722000002", amount: 5_000), now: Seed.requestTime)
        XCTAssertEqual(result.reasonCode, ReasonCode.balanceLimitExceeded)
    }

    func testUnknownRecipient_declines() throws {
        let result = try processor.evaluate(Seed.request(to: "254799999999"), now: Seed.requestTime)
        XCTAssertEqual(result.reasonCode, ReasonCode.unknownRecipient)
    }

    func testUnknownSender_declines() throws {
        let result = try processor.evaluate(Seed.request(from: try MSISDN(parsing: "254799999998")), now: Seed.requestTime)
        XCTAssertEqual(result.reasonCode, ReasonCode.unknownSender)
    }

    func testRedelivery_republishesTheFirstAnswer_evenAfterTheBalanceChanged() async throws {
        let first = try await processor.process(Seed.request())
        _ = try await ledger.reserve(request: Seed.request(Seed.id("TXN-20240902-009"), amount: 19_000), fee: 35,
                               limits: TariffTable.default.tierLimits, now: Seed.requestTime)
        let again = try await processor.process(Seed.request())
        XCTAssertEqual(first, again)
    }
}
