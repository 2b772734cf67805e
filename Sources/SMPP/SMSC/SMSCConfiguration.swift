/// How an ``SMSCServer`` behaves: who may bind, how receipts and expiry are timed, where
/// messages are recorded, and which faults to inject.
public struct SMSCConfiguration: Sendable {
    /// What happens to a message whose destination has no bound handset receiver.
    public enum UnroutedPolicy: Hashable, Sendable {
        /// Keep it until a handset binds for the number, then expire it (receipt `EXPIRED`),
        /// as a real SMSC does with a phone that is off.
        case waitThenExpire
        /// Treat it as delivered at once (receipt `DELIVRD`): for benchmarks with no handsets.
        case deliver
    }

    /// Interface to listen on; loopback by default so a simulator is never exposed.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port; ``SMSCServer/port`` tells which.
    public var port: Int = 0
    /// The ESME account (the gateway's SMS sender).
    public var systemID: String = "pesagate"
    public var password: String = "secret"
    /// The account handset simulators share; it may be bound many times, once per MSISDN.
    public var handsetSystemID: String = "handset"
    public var handsetPassword: String = "handset"
    /// Wait between the handset's `deliver_sm_resp` (or acceptance) and the receipt.
    public var receiptDelay: Duration = .milliseconds(0)
    /// How long a message for an absent handset waits before it expires.
    public var expiry: Duration = .seconds(30)
    public var unrouted: UnroutedPolicy = .waitThenExpire
    /// JSON-lines file that gets one line per complete (reassembled) message; nil records nothing.
    public var recordPath: String?
    /// Faults to inject, all drawn from one seed so a run can be repeated.
    public var faults: SMSCFaults = SMSCFaults()

    public init() {}
}

/// Misbehaviour an operator's SMSC shows under load, made repeatable by a seed.
public struct SMSCFaults: Sendable {
    /// Seeds the random draws below; the same seed and traffic give the same faults.
    public var seed: UInt64 = 1
    /// Accept at most this many `submit_sm`/`data_sm` per second (all links together); the
    /// rest get `ESME_RTHROTTLED`. Nil means no limit.
    public var throttlePerSecond: Int?
    /// Chance that a submit is refused with `ESME_RMSGQFUL`.
    public var queueFullProbability: Double = 0
    /// Chance that a submit is answered with `generic_nack` instead of its response.
    public var genericNackProbability: Double = 0
    /// Chance that a receipt is never sent.
    public var receiptLossProbability: Double = 0
    /// Extra wait added to every receipt.
    public var receiptExtraDelay: Duration = .zero
    /// Close an ESME connection, unanswered, when its N-th submit arrives (once per server).
    public var dropConnectionAfterSubmits: Int?
    /// Answer accepted submits in swapped pairs (the second response before the first), as
    /// multi-threaded SMSCs do; a lone held response goes out after 50 ms.
    public var reorderResponses = false

    public init() {}

    /// True when any fault is switched on.
    public var isActive: Bool {
        throttlePerSecond != nil || queueFullProbability > 0 || genericNackProbability > 0
            || receiptLossProbability > 0 || receiptExtraDelay > .zero || dropConnectionAfterSubmits != nil
            || reorderResponses
    }
}
