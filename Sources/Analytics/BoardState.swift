import Foundation
import Payments

/// The analytics board's state and the rules for counting an event; ``AnalyticsBoard`` wraps it in a lock.
///
/// Each stream remembers the transactions it has counted (``RecentIDs``), which both drops redeliveries
/// and lets two streams meet: latency needs a request and its confirmation, the value fraud blocked
/// needs a request and its fraud answer, and either may arrive first, since they travel on different
/// topics. Whichever arrives second completes the pair, so each pair is counted exactly once.
struct BoardState: Sendable {
    struct RequestMemo: Sendable {
        var timestamp: Date
        var shillings: Int64
    }

    struct LagKey: Sendable, Hashable {
        var group: String
        var topic: String
    }

    let configuration: AnalyticsConfiguration
    let startedAt: Date
    private(set) var totals = DashboardTotals()
    private(set) var minutes: MinuteSeries
    private(set) var lags: [LagKey: Int64] = [:]
    private var requests = RecentIDs<RequestMemo>()
    private var fraudAnswers = RecentIDs<Outcome>()
    private var revenueAnswers = RecentIDs<Outcome>()
    private var coreAnswers = RecentIDs<Outcome>()
    private var coreReleases = RecentIDs<Outcome>()
    /// Each confirmation's `completionTime`.
    private var confirmations = RecentIDs<Date>()
    /// The latest time seen: ids older than the history window before it are forgotten.
    private var clock: Date

    init(configuration: AnalyticsConfiguration, startedAt: Date) {
        self.configuration = configuration
        self.startedAt = startedAt
        self.minutes = MinuteSeries(minutes: configuration.historyMinutes)
        self.clock = startedAt
    }

    /// Ids remembered over all streams (what bounded memory bounds).
    var rememberedIDs: Int {
        requests.count + fraudAnswers.count + revenueAnswers.count + coreAnswers.count + coreReleases.count
            + confirmations.count
    }

    mutating func record(request: PaymentRequest, at time: Date) -> Bool {
        advance(to: time)
        let id = request.transactionId
        let memo = RequestMemo(timestamp: request.timestamp, shillings: request.amount.amount)
        guard requests.insert(id, memo, at: time) else { return duplicate() }
        totals.requests += 1
        let location = LocationName.normalise(request.location)
        let limit = configuration.maxLocationsPerMinute
        minutes.update(at: time) { tally in
            tally.requests += 1
            tally.countLocation(location, limit: limit)
        }
        if let completion = confirmations.value(for: id) {
            observeLatency(from: memo.timestamp, to: completion, at: time)
        }
        if fraudAnswers.value(for: id) == .failed {
            block(memo.shillings, at: time)
        }
        return true
    }

    mutating func record(fraud: FraudResult, at time: Date) -> Bool {
        advance(to: time)
        let outcome = Outcome(fraud.decision)
        guard fraudAnswers.insert(fraud.transactionId, outcome, at: time) else { return duplicate() }
        if outcome == .failed { totals.fraudDeclined += 1 }
        if outcome == .review { totals.fraudReview += 1 }
        let score = fraud.fraudScore.isFinite ? fraud.fraudScore : 0
        minutes.update(at: time) { tally in
            tally.fraud.record(outcome, processingMs: fraud.processingTime, targetMs: SeedLatencyTargets.fraudMs)
            if outcome == .succeeded { tally.fraudScoreApproved += score }
            if outcome == .failed { tally.fraudScoreDeclined += score }
        }
        if outcome == .failed, let request = requests.value(for: fraud.transactionId) {
            block(request.shillings, at: time)
        }
        return true
    }

    mutating func record(revenue: RevenueResult, at time: Date) -> Bool {
        advance(to: time)
        let outcome = Outcome(revenue.decision)
        guard revenueAnswers.insert(revenue.transactionId, outcome, at: time) else { return duplicate() }
        minutes.update(at: time) { tally in
            tally.revenue.record(outcome, processingMs: nil, targetMs: SeedLatencyTargets.revenueMs)
        }
        return true
    }

    /// A RELEASED acknowledgement is remembered (so its copies are dropped) but not counted: it closes a
    /// reservation after a reject and says nothing about whether core could serve the request.
    mutating func record(core: CoreResult, at time: Date) -> Bool {
        advance(to: time)
        let outcome = Outcome(core.coreStatus)
        if core.coreStatus == .released {
            return coreReleases.insert(core.transactionId, outcome, at: time) ? true : duplicate()
        }
        guard coreAnswers.insert(core.transactionId, outcome, at: time) else { return duplicate() }
        minutes.update(at: time) { tally in
            tally.core.record(outcome, processingMs: core.processingTime, targetMs: SeedLatencyTargets.coreMs)
        }
        return true
    }

    /// Anything but COMPLETED counts as failed, so a status this build does not know never flatters the
    /// success rate.
    mutating func record(confirmation: PaymentConfirmation, at time: Date) -> Bool {
        advance(to: time)
        let id = confirmation.transactionId
        guard confirmations.insert(id, confirmation.completionTime, at: time) else { return duplicate() }
        let completed = confirmation.finalStatus == .completed
        if completed { totals.completed += 1 } else { totals.failed += 1 }
        minutes.update(at: time) { tally in
            if completed { tally.completed += 1 } else { tally.failed += 1 }
        }
        if let request = requests.value(for: id) {
            observeLatency(from: request.timestamp, to: confirmation.completionTime, at: time)
        }
        return true
    }

    /// Lag is a level, not an event: the latest report replaces the previous one.
    mutating func updateLag(group: String, topic: String, lag: Int64) {
        lags[LagKey(group: group, topic: topic)] = max(0, lag)
    }

    /// Moves the clock forward to `time` and forgets ids older than the history window before it.
    mutating func advance(to time: Date) {
        guard time > clock else { return }
        clock = time
        let cutoff = time.addingTimeInterval(-Double(configuration.historyMinutes) * 60)
        requests.forget(before: cutoff)
        fraudAnswers.forget(before: cutoff)
        revenueAnswers.forget(before: cutoff)
        coreAnswers.forget(before: cutoff)
        coreReleases.forget(before: cutoff)
        confirmations.forget(before: cutoff)
    }

    private mutating func duplicate() -> Bool {
        totals.duplicatesIgnored += 1
        return false
    }

    private mutating func observeLatency(from start: Date, to end: Date, at time: Date) {
        let milliseconds = end.timeIntervalSince(start) * 1000
        minutes.update(at: time) { $0.latency.observe(milliseconds) }
    }

    private mutating func block(_ shillings: Int64, at time: Date) {
        let value = max(0, shillings)
        totals.fraudBlockedShillings = totals.fraudBlockedShillings.addingSaturated(value)
        minutes.update(at: time) { $0.blockedShillings = $0.blockedShillings.addingSaturated(value) }
    }
}
