import Foundation

/// One minute of the volume chart.
public struct VolumePoint: Sendable, Hashable, Codable {
    /// The start of the minute (UTC).
    public let minute: Date
    /// Payment requests that arrived in the minute.
    public let requests: Int
    /// Confirmations COMPLETED in the minute.
    public let completed: Int
    /// Confirmations FAILED in the minute.
    public let failed: Int

    public init(minute: Date, requests: Int, completed: Int, failed: Int) {
        self.minute = minute
        self.requests = requests
        self.completed = completed
        self.failed = failed
    }
}
