/// The `status` of the aggregator's end-of-session notification (protocol-facts 2.1).
public enum SessionEndStatus: String, Hashable, Sendable {
    /// The app closed the session with `END`.
    case success = "Success"
    /// The subscriber left (cancelled, or never answered) while the app waited for input.
    case incomplete = "Incomplete"
    /// The app broke a rule: no answer in time, a bad body, an HTTP error.
    case failed = "Failed"
}
