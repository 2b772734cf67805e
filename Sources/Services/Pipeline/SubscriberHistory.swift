import Foundation
import Payments

/// What the primary fraud scorer remembers about one sender: recent payments (bounded), devices and
/// recipients seen. Kept per instance in memory: `payment-requests` is keyed by `fromMsisdn`, so all of a
/// sender's payments reach the same instance; after a rebalance the new owner starts with an empty
/// history, which only makes it more cautious (NEW_DEVICE fires once more).
public struct SubscriberHistory: Sendable, Hashable {
    public struct Payment: Sendable, Hashable {
        public var time: Date
        public var amount: Int64
    }

    public var payments: [Payment] = []
    public var devices: Set<String> = []
    public var recipients: Set<String> = []

    public init() {}

    /// Adds `request` to the history, keeping at most `limit` payments.
    public mutating func record(_ request: PaymentRequest, at time: Date, limit: Int) {
        payments.append(Payment(time: time, amount: request.amount.amount))
        if payments.count > limit { payments.removeFirst(payments.count - limit) }
        if let device = request.deviceId { devices.insert(device) }
        recipients.insert(request.toMsisdn)
    }
}
