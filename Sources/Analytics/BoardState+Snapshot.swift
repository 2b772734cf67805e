import Foundation

extension BoardState {
    /// The figures as of `now`: the volume of the last ``AnalyticsConfiguration/historyMinutes`` minutes,
    /// everything else over the last ``AnalyticsConfiguration/rateWindowMinutes`` (the current minute
    /// included, so a burst shows at once).
    func snapshot(now: Date) -> DashboardSnapshot {
        let current = MinuteSeries.minute(of: now)
        let window = minutes.merged(from: current - Int64(configuration.rateWindowMinutes - 1), through: current)
        let fraud = fraudEffectiveness(window)
        let latency = LatencySummary(
            samples: window.latency.count, averageMs: window.latency.averageMs,
            p95Ms: window.latency.quantile(0.95), maxMs: window.latency.count > 0 ? window.latency.maxMs : nil)
        let lag = consumerLag()
        let kpis = [
            KPI(.transactionSuccessRate, value: Percent.of(window.completed, window.completed + window.failed)),
            KPI(.avgProcessingLatency, value: latency.averageMs),
            KPI(.fraudDeclineRate, value: fraud.declinePercent),
            KPI(.kafkaConsumerLag, value: lag.map(\.lag).max().map(Double.init)),
        ]
        return DashboardSnapshot(
            generatedAt: now, startedAt: startedAt, historyMinutes: configuration.historyMinutes,
            rateWindowMinutes: configuration.rateWindowMinutes, totals: totals, kpis: kpis,
            volume: volume(endingAt: current),
            validation: [
                window.fraud.stats(system: "FRAUD", targetMs: SeedLatencyTargets.fraudMs),
                window.revenue.stats(system: "REVENUE", targetMs: SeedLatencyTargets.revenueMs),
                window.core.stats(system: "CORE", targetMs: SeedLatencyTargets.coreMs),
            ],
            latency: latency, locations: locationShares(window.locations), fraud: fraud, consumerLag: lag)
    }

    /// One point per minute, oldest first, zeros included so the chart's time axis never jumps.
    private func volume(endingAt current: Int64) -> [VolumePoint] {
        let count = Int64(configuration.historyMinutes)
        return (current - count + 1...current).map { minute in
            let tally = minutes.tally(minute: minute)
            return VolumePoint(
                minute: Date(timeIntervalSince1970: Double(minute) * 60), requests: tally.requests,
                completed: tally.completed, failed: tally.failed)
        }
    }

    private func fraudEffectiveness(_ window: MinuteTally) -> FraudEffectiveness {
        FraudEffectiveness(
            approved: window.fraud.succeeded, declined: window.fraud.failed, review: window.fraud.review,
            unknown: window.fraud.unknown, blockedShillings: window.blockedShillings,
            averageScoreDeclined: Percent.mean(window.fraudScoreDeclined, window.fraud.failed),
            averageScoreApproved: Percent.mean(window.fraudScoreApproved, window.fraud.succeeded),
            withinTargetPercent: window.fraud.withinTargetPercent)
    }

    /// The top N locations by requests (ties by name, so the order is stable), then `other` for the rest,
    /// including the names a minute refused past its limit.
    private func locationShares(_ counts: [String: Int]) -> [LocationShare] {
        var counts = counts
        var rest = counts.removeValue(forKey: LocationShare.other) ?? 0
        let total = counts.values.reduce(rest, +)
        guard total > 0 else { return [] }
        let ranked = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let top = ranked.prefix(configuration.topLocations)
        rest += ranked.dropFirst(configuration.topLocations).reduce(0) { $0 + $1.value }
        var shares = top.map { LocationShare(location: $0.key, count: $0.value, percent: share($0.value, total)) }
        if rest > 0 {
            shares.append(LocationShare(location: LocationShare.other, count: rest, percent: share(rest, total)))
        }
        return shares
    }

    private func share(_ part: Int, _ total: Int) -> Double {
        Percent.of(part, total) ?? 0
    }

    private func consumerLag() -> [ConsumerLagEntry] {
        lags.map { ConsumerLagEntry(group: $0.key.group, topic: $0.key.topic, lag: $0.value) }
            .sorted { ($0.topic, $0.group) < ($1.topic, $1.group) }
    }
}
