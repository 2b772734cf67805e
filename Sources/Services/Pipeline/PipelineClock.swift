import Foundation

/// Where the services read the time. Injected so that the orchestrator's timeouts can be tested at
/// 4.9 s and 5.1 s without sleeping.
public protocol PipelineClock: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemPipelineClock: PipelineClock {
    public init() {}
    public func now() -> Date { Date() }
}

extension Duration {
    /// The duration in (fractional) seconds, for `Date` arithmetic (prefixed: the `Services` module is
    /// shared, and an unprefixed extension member could clash with another part of it).
    var pipelineSeconds: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
