import Foundation
import Ledger
import Payments
import Yams

/// The fee schedule and the KYC tier limits, kept as data (`config/tariffs.yaml`). Bands are checked at
/// load: sorted, contiguous (each starts one shilling after the previous ends) and non-overlapping, so
/// every amount from the first band's minimum to the last band's maximum has exactly one fee.
public struct TariffTable: Sendable, Hashable {
    /// One amount band with a fee per transaction type; types it does not list are free.
    public struct Band: Sendable, Hashable, Codable {
        public var min: Int64
        public var max: Int64
        /// Fee by `transactionType` wire value, e.g. `P2P_TRANSFER: 15`.
        public var fees: [String: Int64]

        public init(min: Int64, max: Int64, fees: [String: Int64]) {
            self.min = min
            self.max = max
            self.fees = fees
        }
    }

    /// The limits of one KYC tier.
    public struct Tier: Sendable, Hashable, Codable {
        public var perTransaction: Int64
        public var daily: Int64
        /// Largest balance an account of this tier may hold (checked on the recipient).
        public var maxBalance: Int64

        public init(perTransaction: Int64, daily: Int64, maxBalance: Int64) {
            self.perTransaction = perTransaction
            self.daily = daily
            self.maxBalance = maxBalance
        }
    }

    /// The YAML document.
    struct Document: Codable {
        var bands: [Band]
        /// Keyed by the tier number written as a YAML key (`"1"`), converted on load.
        var tiers: [String: Tier]
    }

    public let bands: [Band]
    public let tiers: [Int: Tier]

    /// Validates and builds a table.
    public init(bands: [Band], tiers: [Int: Tier]) throws(TariffError) {
        guard !bands.isEmpty else { throw .noBands }
        guard !tiers.isEmpty else { throw .noTiers }
        let sorted = bands.sorted { $0.min < $1.min }
        for band in sorted {
            guard band.min >= 0, band.min <= band.max else { throw .emptyBand(min: band.min, max: band.max) }
            if let negative = band.fees.first(where: { $0.value < 0 }) {
                throw .negativeFee(type: negative.key, band: band.min)
            }
        }
        for (previous, next) in zip(sorted, sorted.dropFirst()) {
            if next.min <= previous.max { throw .overlap(previous.min, next.min) }
            if next.min != previous.max + 1 { throw .gap(after: previous.max, next: next.min) }
        }
        self.bands = sorted
        self.tiers = tiers
    }

    /// Parses and validates YAML text.
    public static func parse(yaml text: String) throws -> TariffTable {
        let document = try YAMLDecoder().decode(Document.self, from: text)
        var tiers: [Int: Tier] = [:]
        for (key, tier) in document.tiers {
            guard let number = Int(key), number >= 0 else { throw TariffError.badTier(key) }
            tiers[number] = tier
        }
        return try TariffTable(bands: document.bands, tiers: tiers)
    }

    /// Loads and validates a YAML file.
    public static func load(path: String) throws -> TariffTable {
        try parse(yaml: String(contentsOfFile: path, encoding: .utf8))
    }

    /// The fee of `amount` for `type`, or nil when the amount lies outside every band (not payable).
    public func fee(for amount: Money, type: TransactionType) -> Money? {
        guard let band = bands.first(where: { $0.min <= amount.amount && amount.amount <= $0.max }) else { return nil }
        return Money(amount: band.fees[type.rawValue] ?? 0, currency: amount.currency)
    }

    /// The limits of `tier`, or the most restrictive configured tier's when `tier` is unknown.
    public func tier(_ tier: Int) -> Tier {
        tiers[tier] ?? tiers.values.min { $0.daily < $1.daily }!
    }

    /// The same limits in the ledger's form, so core's atomic check uses the numbers revenue shows.
    public var tierLimits: TierLimits {
        TierLimits(tiers: tiers.mapValues {
            TierLimits.Limits(perTransaction: Money(amount: $0.perTransaction), daily: Money(amount: $0.daily))
        })
    }
}

/// Why a tariff table was refused at load.
public enum TariffError: Error, Sendable, Hashable, CustomStringConvertible {
    case noBands
    case noTiers
    case emptyBand(min: Int64, max: Int64)
    case negativeFee(type: String, band: Int64)
    case overlap(Int64, Int64)
    case gap(after: Int64, next: Int64)
    case badTier(String)

    public var description: String {
        switch self {
        case .noBands: "the tariff has no bands"
        case .noTiers: "the tariff has no KYC tiers"
        case let .emptyBand(min, max): "band \(min)-\(max) is empty or negative"
        case let .negativeFee(type, band): "negative \(type) fee in the band starting at \(band)"
        case let .overlap(a, b): "bands starting at \(a) and \(b) overlap"
        case let .gap(after, next): "no band covers \(after + 1)-\(next - 1)"
        case let .badTier(key): "KYC tier \"\(key)\" is not a number"
        }
    }
}
