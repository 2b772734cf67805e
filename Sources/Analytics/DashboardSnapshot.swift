import Foundation

/// Everything the dashboard page shows, at one instant: the JSON behind `GET /api/dashboard`.
///
/// A value, not a view of the board, so it can be encoded outside the board's lock and compared in tests.
/// Percentages are in percent (99.5, not 0.995), durations in milliseconds, money in whole shillings;
/// dates are ISO 8601. A figure with nothing to measure is absent from the JSON rather than 0, because
/// no payments is not a 0 % success rate.
public struct DashboardSnapshot: Sendable, Hashable, Codable {
    /// The `now` the snapshot was taken at.
    public let generatedAt: Date
    /// When the board started counting (the origin of ``totals``).
    public let startedAt: Date
    /// Minutes in ``volume``.
    public let historyMinutes: Int
    /// Minutes the rates, KPIs, latency, locations and fraud figures cover.
    public let rateWindowMinutes: Int
    public let totals: DashboardTotals
    /// The seed's four KPIs, in the seed's order.
    public let kpis: [KPI]
    /// One point per minute, oldest first, always ``historyMinutes`` long; the last is the current minute.
    public let volume: [VolumePoint]
    /// Fraud, revenue and core, in that order.
    public let validation: [ValidationSystemStats]
    public let latency: LatencySummary
    /// Most requests first; `other` (if any) last.
    public let locations: [LocationShare]
    public let fraud: FraudEffectiveness
    /// Sorted by topic, then group.
    public let consumerLag: [ConsumerLagEntry]

    public init(
        generatedAt: Date, startedAt: Date, historyMinutes: Int, rateWindowMinutes: Int, totals: DashboardTotals,
        kpis: [KPI], volume: [VolumePoint], validation: [ValidationSystemStats], latency: LatencySummary,
        locations: [LocationShare], fraud: FraudEffectiveness, consumerLag: [ConsumerLagEntry]
    ) {
        self.generatedAt = generatedAt
        self.startedAt = startedAt
        self.historyMinutes = historyMinutes
        self.rateWindowMinutes = rateWindowMinutes
        self.totals = totals
        self.kpis = kpis
        self.volume = volume
        self.validation = validation
        self.latency = latency
        self.locations = locations
        self.fraud = fraud
        self.consumerLag = consumerLag
    }

    /// The KPI called `name`.
    public func kpi(_ name: KPIName) -> KPI? {
        kpis.first { $0.name == name }
    }

    /// The stats of `system` (`FRAUD`, `REVENUE`, `CORE`).
    public func validation(_ system: String) -> ValidationSystemStats? {
        validation.first { $0.system == system }
    }

    /// The JSON the dashboard page reads (sorted keys, ISO 8601 dates).
    public func jsonData() throws -> Data {
        try DashboardSnapshot.makeEncoder().encode(self)
    }

    /// Reads what ``jsonData()`` wrote.
    public static func decode(from data: Data) throws -> DashboardSnapshot {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(DashboardSnapshot.self, from: data)
    }

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
