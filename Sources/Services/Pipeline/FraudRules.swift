import Foundation
import Yams

/// The fraud engines' rules and thresholds, kept as data (`config/fraud-rules.yaml`) so that risk
/// analysts tune them without a release. Weights add up to the score; a score at or above
/// `declineThreshold` declines.
public struct FraudRules: Sendable, Hashable, Codable {
    /// A sliding-window velocity rule: more than `maxCount` payments, or more than `maxAmount`
    /// shillings, from one MSISDN within `windowSeconds` adds `weight`.
    public struct Velocity: Sendable, Hashable, Codable {
        public var windowSeconds: Double
        public var maxCount: Int?
        public var maxAmount: Int64?
        public var weight: Double
        public var factor: String
    }

    /// A simple weighted signal.
    public struct Signal: Sendable, Hashable, Codable {
        public var weight: Double
        public var factor: String
    }

    /// Local hours (`startHour` inclusive to `endHour` exclusive, in `utcOffsetHours`) in which
    /// subscribers rarely pay.
    public struct UnusualHours: Sendable, Hashable, Codable {
        public var startHour: Int
        public var endHour: Int
        public var utcOffsetHours: Double
        public var weight: Double
        public var factor: String
    }

    /// An amount above `multiplier` × the subscriber's own average, once `minimumHistory` payments are
    /// known, adds `weight`.
    public struct AmountAnomaly: Sendable, Hashable, Codable {
        public var multiplier: Double
        public var minimumHistory: Int
        public var weight: Double
        public var factor: String
    }

    /// The conservative backup engine, used while the primary fails or is switched off: it knows no
    /// history, so it approves only small payments and gives them a fixed score.
    public struct Backup: Sendable, Hashable, Codable {
        public var fraudSystemId: String
        /// Largest amount approved without the primary's history.
        public var maxAmount: Int64
        public var approvedScore: Double
        public var declinedScore: Double
        public var factor: String
    }

    public var fraudSystemId: String
    public var declineThreshold: Double
    public var velocity: [Velocity]
    public var newDevice: Signal
    public var missingDevice: Signal
    public var newRecipient: Signal
    public var unusualHours: UnusualHours
    public var amountAnomaly: AmountAnomaly
    public var backup: Backup
    /// How many recent payments per MSISDN the primary remembers (bounds memory).
    public var historyLimit: Int

    /// Parses rules from YAML text.
    public static func parse(yaml text: String) throws -> FraudRules {
        try YAMLDecoder().decode(FraudRules.self, from: text)
    }

    /// Loads rules from a YAML file.
    public static func load(path: String) throws -> FraudRules {
        try parse(yaml: String(contentsOfFile: path, encoding: .utf8))
    }

    /// The built-in rules, identical to the shipped `config/fraud-rules.yaml`, for tests and for running
    /// without a config directory.
    public static let `default` = FraudRules(
        fraudSystemId: "FMS-001", declineThreshold: 0.7,
        velocity: [
            Velocity(windowSeconds: 60, maxCount: 5, maxAmount: nil, weight: 0.4, factor: "HIGH_VELOCITY"),
            Velocity(windowSeconds: 3_600, maxCount: nil, maxAmount: 300_000, weight: 0.4, factor: "HIGH_VALUE_VELOCITY"),
        ],
        newDevice: Signal(weight: 0.13, factor: "NEW_DEVICE"),
        missingDevice: Signal(weight: 0.0, factor: "NO_DEVICE"),
        newRecipient: Signal(weight: 0.05, factor: "NEW_RECIPIENT"),
        unusualHours: UnusualHours(startHour: 0, endHour: 5, utcOffsetHours: 3, weight: 0.1, factor: "UNUSUAL_TIME"),
        amountAnomaly: AmountAnomaly(multiplier: 5, minimumHistory: 3, weight: 0.3, factor: "AMOUNT_ANOMALY"),
        backup: Backup(fraudSystemId: "FMS-BACKUP", maxAmount: 20_000, approvedScore: 0.5, declinedScore: 0.9, factor: "BACKUP_RULES"),
        historyLimit: 50)
}
