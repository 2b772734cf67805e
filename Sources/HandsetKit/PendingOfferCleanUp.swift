/// What a load handset does after a dialogue that did not end as scripted, before its next one: it
/// dials once more and, if the gateway offers the payment it left unfinished ("Pending: send Ksh1 to
/// …? 1 Confirm / 2 Cancel"), cancels it, as a real subscriber who walked away would.
///
/// A session abandoned (or answered too late) at the confirm or PIN screen leaves a Pending offer,
/// which the gateway shows on that number's next dial instead of the menu. Without this, a seeded
/// fault would fail the handset's next scripted dialogue at its first `expect`, and that one would
/// leave the same offer behind again. Clean-up dials are not dialogues: load reports count them apart.
public struct PendingOfferCleanUp: Sendable {
    public var gateway: GatewayAddress
    public var line: SubscriberLine
    public var rules: AggregatorRules
    /// The code the script dials.
    public var code: String
    /// Dials at most this many times: an offer that comes back after a Cancel is tried once more.
    public var maxDials = 2

    public init(gateway: GatewayAddress, line: SubscriberLine, rules: AggregatorRules = AggregatorRules(), code: String) {
        self.gateway = gateway
        self.line = line
        self.rules = rules
        self.code = code
    }

    /// What one clean-up did.
    public struct Result: Hashable, Sendable {
        /// Sessions opened (each is one clean-up dial).
        public var dials = 0
        /// Pending offers answered with Cancel and closed by the gateway.
        public var offersCancelled = 0
        /// False when the last dial still met an offer, or the gateway could not be reached.
        public var clean = false
    }

    public func run(http: HTTPClient) async -> Result {
        var result = Result()
        while result.dials < maxDials {
            result.dials += 1
            let session = USSDSessionClient(gateway: gateway, line: line, http: http, rules: rules)
            guard case .screen(let screen) = await session.dial(code) else { return result }
            guard !screen.isFinal, PendingOfferScreen.isOffer(screen.text) else {
                // The menu (or an END): nothing was left behind. Leave as a subscriber would.
                await session.abandon()
                result.clean = true
                return result
            }
            let answer = await session.send(PendingOfferScreen.cancelChoice)
            if case .screen(let after) = answer, after.isFinal {
                result.offersCancelled += 1
                result.clean = true
                return result
            }
            await session.abandon()
        }
        return result
    }
}
