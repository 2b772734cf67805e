import Foundation

/// The ledger's tunables. Each has the default the product documents, so tests and the CLI only name
/// what they change.
public struct LedgerConfiguration: Sendable, Hashable {
    /// Wrong PINs in a row that lock an account (issue 5: three).
    public var pinLockThreshold: Int = 3
    /// How long a PIN lock lasts (issue 5: 15 minutes).
    public var pinLockDuration: TimeInterval = 15 * 60
    /// Offset from UTC of the day that daily limits count, in seconds. East Africa Time (UTC+3), so a
    /// subscriber's "day" ends at local midnight, not at 03:00.
    public var dailyLimitUTCOffset: TimeInterval = 3 * 3_600
    /// The name the ledger writes in the `service` field of its audit events.
    public var serviceName: String = "mpesa-core"

    public init(
        pinLockThreshold: Int = 3, pinLockDuration: TimeInterval = 15 * 60,
        dailyLimitUTCOffset: TimeInterval = 3 * 3_600, serviceName: String = "mpesa-core"
    ) {
        self.pinLockThreshold = pinLockThreshold
        self.pinLockDuration = pinLockDuration
        self.dailyLimitUTCOffset = dailyLimitUTCOffset
        self.serviceName = serviceName
    }

    /// The day number (days since 1970 in the configured zone) that `date` counts against.
    func limitDay(_ date: Date) -> Int64 {
        Int64(((date.timeIntervalSince1970 + dailyLimitUTCOffset) / 86_400).rounded(.down))
    }
}
