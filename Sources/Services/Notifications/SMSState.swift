/// Where one SMS of the outbox stands. Only `queued` is picked up by the sender; `submitted` waits
/// for receipts (or, when the process stopped before the SMSC answered, is resent on restart);
/// the last three are final and each yields one delivery event.
public enum SMSState: String, Sendable, Hashable, Codable, CaseIterable {
    case queued
    case submitted
    case delivered
    case failed
    /// Older than the maximum age before it was sent or before a receipt came: never sent late.
    case expired

    public var isFinal: Bool {
        switch self {
        case .queued, .submitted: false
        case .delivered, .failed, .expired: true
        }
    }
}
