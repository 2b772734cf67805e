import Foundation
import Payments

/// The primary scorer's memory of each sender (see ``SubscriberHistory`` for why in memory).
actor FraudHistoryBook {
    private var histories: [MSISDN: SubscriberHistory] = [:]
    private let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    func history(of msisdn: MSISDN) -> SubscriberHistory {
        histories[msisdn] ?? SubscriberHistory()
    }

    func record(_ request: PaymentRequest, at time: Date) {
        histories[request.fromMsisdn, default: SubscriberHistory()].record(request, at: time, limit: limit)
    }
}
