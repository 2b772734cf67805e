/// The clean-up dials of a load run (``PendingOfferCleanUp``), kept apart from its dialogues: they
/// are the handsets tidying up after failed or faulted dialogues, not load the script asked for.
public struct CleanUpCount: Hashable, Sendable {
    /// Sessions opened to clean up.
    public var dials = 0
    /// Pending offers those sessions cancelled.
    public var offersCancelled = 0
    /// Clean-ups that still met an offer on their last dial, or could not reach the gateway.
    public var unclean = 0

    public init() {}

    mutating func add(_ result: PendingOfferCleanUp.Result) {
        dials += result.dials
        offersCancelled += result.offersCancelled
        if !result.clean { unclean += 1 }
    }

    /// `clean-up dials (not dialogues): 12, Pending offers cancelled: 9`, nil when there were none.
    public var text: String? {
        guard dials > 0 else { return nil }
        return "clean-up dials (not counted as dialogues): \(dials), Pending offers cancelled: \(offersCancelled)"
            + (unclean > 0 ? ", clean-ups that failed: \(unclean)" : "")
    }
}
