/// A load run: how many handsets, for how long, on which numbers, with which faults.
public struct LoadConfiguration: Sendable {
    public var gateway: GatewayAddress
    /// The SMSC to bind each handset to; nil runs without SMS (SMS steps then fail).
    public var smsc: (host: String, port: Int)?
    /// The handsets' shared SMSC account.
    public var smscSystemID = "handset"
    public var smscPassword = "handset"
    public var handsets: Int
    public var duration: Duration
    /// Handset `i` dials from `msisdnBase + i` and pays `msisdnBase + (i + 1) % handsets` as `{peer}`.
    public var msisdnBase: Int = 254_790_000_000
    public var seed: UInt64 = 1
    public var faults = LoadFaults()
    public var rules = AggregatorRules()
    /// Closed loop: how long a handset waits after a dialogue that failed or carried a fault before
    /// it cleans up and dials again, so a dialogue that fails in milliseconds cannot turn the loop
    /// into a flood of dials.
    public var pauseAfterFailure: Duration = .seconds(1)

    public init(gateway: GatewayAddress, smsc: (host: String, port: Int)?, handsets: Int, duration: Duration) {
        self.gateway = gateway
        self.smsc = smsc
        self.handsets = handsets
        self.duration = duration
    }
}

/// A running count, shown on the progress line once a second.
public struct LoadProgress: Hashable, Sendable {
    public var elapsed: Duration
    public var completed: Int
    public var failed: Int
    public var faulted: Int
}
