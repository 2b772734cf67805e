/// How a failure is handled: a POISON record is parked at once (retrying cannot fix bytes), anything
/// else is TRANSIENT and retried with backoff first.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// The record cannot be decoded or is of a shape no retry will fix.
    case poison(String)
    /// A failure worth retrying (database busy, broker unavailable, …).
    case transient(String)

    public var description: String {
        switch self {
        case let .poison(reason): "poison: \(reason)"
        case let .transient(reason): "transient: \(reason)"
        }
    }
}
