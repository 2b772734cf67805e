import Foundation
import Payments
import Synchronization

/// Real-time analytics from the pipeline's event streams: the figures of the seed's dashboard.
///
/// Consumers of `payment-requests`, `fraud-analysis`, `revenue-validation`, `core-processing` and
/// `payment-confirmations` call the `record` methods as events arrive; a lag poller calls ``updateLag``;
/// the HTTP server calls ``snapshot(now:)`` for `GET /api/dashboard`. Events arrive at least once, so each
/// transaction is counted once per stream (see ``RecentIDs``); memory is bounded by the history window.
///
/// A class around a `Mutex` rather than an actor: every call is a few dictionary operations, callers are
/// consumer loops and request handlers that should not suspend for them, and a snapshot must see all
/// streams at one instant. Times are parameters so that tests can drive the clock.
public final class AnalyticsBoard: Sendable {
    private let state: Mutex<BoardState>

    public init(configuration: AnalyticsConfiguration = AnalyticsConfiguration(), startedAt: Date = Date()) {
        state = Mutex(BoardState(configuration: configuration, startedAt: startedAt))
    }

    /// Counts a payment request, its location and, once its confirmation is known, its latency.
    /// Returns false when the transaction was already counted on this stream (a redelivery).
    @discardableResult
    public func record(request: PaymentRequest, at time: Date = Date()) -> Bool {
        state.withLock { $0.record(request: request, at: time) }
    }

    /// Counts a fraud answer: decision, score, processing time against the 100 ms target.
    @discardableResult
    public func record(fraud: FraudResult, at time: Date = Date()) -> Bool {
        state.withLock { $0.record(fraud: fraud, at: time) }
    }

    /// Counts a revenue answer.
    @discardableResult
    public func record(revenue: RevenueResult, at time: Date = Date()) -> Bool {
        state.withLock { $0.record(revenue: revenue, at: time) }
    }

    /// Counts core's answer to a request (RESERVED or FAILED); a RELEASED acknowledgement is not an answer.
    @discardableResult
    public func record(core: CoreResult, at time: Date = Date()) -> Bool {
        state.withLock { $0.record(core: core, at: time) }
    }

    /// Counts a final status and, once its request is known, the end-to-end latency.
    @discardableResult
    public func record(confirmation: PaymentConfirmation, at time: Date = Date()) -> Bool {
        state.withLock { $0.record(confirmation: confirmation, at: time) }
    }

    /// Sets the lag of `group` on `topic` (messages, summed over partitions), replacing the last report.
    public func updateLag(group: String, topic: String, lag: Int64) {
        state.withLock { $0.updateLag(group: group, topic: topic, lag: lag) }
    }

    /// The dashboard's figures as of `now`. Also forgets ids that have left the history window, so an
    /// idle board shrinks too.
    public func snapshot(now: Date = Date()) -> DashboardSnapshot {
        state.withLock { state in
            state.advance(to: now)
            return state.snapshot(now: now)
        }
    }

    /// Transaction ids currently remembered over all streams, for tests of bounded memory.
    var rememberedIDs: Int {
        state.withLock { $0.rememberedIDs }
    }
}
