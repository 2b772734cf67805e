import Foundation
import Payments
@testable import Analytics

/// Events in the seed's shapes, numbered so that each test can say "transaction 7" and mean one id.
enum Fixture {
    /// 2024-09-02T14:30:00Z, the seed's example, on a minute boundary.
    static let t0 = Date(timeIntervalSince1970: 1_725_287_400)

    static func at(minute: Int, second: Double = 0) -> Date {
        t0.addingTimeInterval(Double(minute) * 60 + second)
    }

    static func id(_ number: Int) -> TransactionID {
        // The format is valid by construction; a failure here is a broken fixture, not a test result.
        try! TransactionID(parsing: "TXN-20240902-" + String(format: "%03d", number))
    }

    static let sender = try! MSISDN(parsing: "254700123456")

    static func request(
        _ number: Int, amount: Int64 = 5000, location: String? = "NAIROBI", timestamp: Date = t0
    ) -> PaymentRequest {
        PaymentRequest(
            transactionId: id(number), timestamp: timestamp, fromMsisdn: sender, toMsisdn: "254711987654",
            amount: .shillings(amount), transactionType: .p2pTransfer, initiationChannel: "USSD",
            deviceId: "IMEI-123456789", location: location)
    }

    static func fraud(
        _ number: Int, _ decision: FraudDecision = .approved, score: Double = 0.23, processingMs: Int64 = 67
    ) -> FraudResult {
        FraudResult(
            transactionId: id(number), fraudScore: score, decision: decision, riskFactors: [],
            processingTime: processingMs, fraudSystemId: "FMS-001")
    }

    static let review = FraudDecision(rawValue: "REVIEW")

    static func revenue(_ number: Int, _ decision: RevenueDecision = .approved) -> RevenueResult {
        RevenueResult(
            transactionId: id(number), accountBalance: 25000, dailyLimit: 70000, dailyUsed: 12000,
            decision: decision, calculatedFee: 15, remainingBalance: 19985)
    }

    static func core(_ number: Int, _ status: CoreStatus = .reserved, processingMs: Int64? = 156) -> CoreResult {
        CoreResult(
            transactionId: id(number), coreStatus: status, reservationId: "RES-789123",
            coreTransactionId: "CORE-789123", processingTime: processingMs)
    }

    static func confirmation(
        _ number: Int, _ status: FinalStatus = .completed, completion: Date = t0.addingTimeInterval(3)
    ) -> PaymentConfirmation {
        PaymentConfirmation(
            transactionId: id(number), finalStatus: status, fromMsisdn: sender, toMsisdn: "254711987654",
            amount: 5000, fee: 15, completionTime: completion,
            reason: status == .completed ? nil : ReasonCode.revenueDeclined)
    }

    /// A board started at ``t0`` with the default windows (15 minutes of history, 5-minute rates).
    static func board(_ configuration: AnalyticsConfiguration = AnalyticsConfiguration()) -> AnalyticsBoard {
        AnalyticsBoard(configuration: configuration, startedAt: t0)
    }
}
