import Foundation
import Payments
@testable import Analytics

/// Fifteen minutes of plausible traffic for the page's tests and screenshots: a busy, mostly healthy
/// system with a few fraud declines and reviews, the odd revenue decline and core failure, locations
/// across Kenya (and USSD requests without one), and lag reports for the seed's consumer groups.
enum SampleTraffic {
    static let places = ["NAIROBI", "NAIROBI", "NAIROBI", "MOMBASA", "KISUMU", "NAKURU", "ELDORET", "THIKA",
                         "MERU", "NYERI", "MACHAKOS", "KAKAMEGA"]

    /// The board as of `now`, fed with requests over the last 15 minutes; returns the board.
    static func board(now: Date) -> AnalyticsBoard {
        let board = AnalyticsBoard(startedAt: now.addingTimeInterval(-20 * 60))
        var number = 0
        for minute in 0..<15 {
            let perMinute = 40 + (minute * 7) % 23 + (minute > 10 ? 25 : 0)
            for index in 0..<perMinute {
                number += 1
                let at = now.addingTimeInterval(Double(minute - 15) * 60 + Double(index) * 60 / Double(perMinute))
                feed(board, number: number, at: at)
            }
        }
        board.updateLag(group: "fraud-management-cg", topic: "payment-requests", lag: 12)
        board.updateLag(group: "revenue-management-cg", topic: "payment-requests", lag: 7)
        board.updateLag(group: "mpesa-core-cg", topic: "payment-requests", lag: 1450)
        board.updateLag(group: "mpesa-core-cg", topic: "core-processing", lag: 3)
        board.updateLag(group: "payment-orchestrator-cg", topic: "fraud-analysis", lag: 0)
        board.updateLag(group: "payment-orchestrator-cg", topic: "revenue-validation", lag: 2)
        board.updateLag(group: "payment-orchestrator-cg", topic: "core-processing", lag: 5)
        return board
    }

    private static func feed(_ board: AnalyticsBoard, number: Int, at: Date) {
        let location: String? = number % 9 == 0 ? nil : places[number % places.count]
        let amount = Int64(100 + (number * 137) % 9900)
        board.record(request: Fixture.request(number, amount: amount, location: location, timestamp: at), at: at)
        let fraudDecision: FraudDecision = number % 61 == 0 ? .declined : (number % 97 == 0 ? Fixture.review : .approved)
        let score = fraudDecision == .declined ? 0.82 + Double(number % 15) / 100 : Double(number % 40) / 100
        board.record(fraud: Fixture.fraud(number, fraudDecision, score: score, processingMs: Int64(50 + number % 60)), at: at)
        board.record(revenue: Fixture.revenue(number, number % 150 == 0 ? .declined : .approved), at: at)
        board.record(core: Fixture.core(number, number % 400 == 0 ? .failed : .reserved, processingMs: Int64(100 + number % 110)), at: at)
        let completed = fraudDecision == .approved && number % 150 != 0 && number % 400 != 0
        let latency = 1.1 + Double(number % 13) / 10
        board.record(
            confirmation: Fixture.confirmation(number, completed ? .completed : .failed, completion: at.addingTimeInterval(latency)),
            at: at.addingTimeInterval(latency))
    }
}
