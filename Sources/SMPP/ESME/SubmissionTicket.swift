/// A message queued on an ``ESMEClient``: redeem it with ``ESMEClient/outcome(of:)``. Holds the
/// refusal itself when the message could not even be queued (client closed, text not encodable).
public struct SubmissionTicket: Sendable {
    let key: Result<UInt64, ESMEError>
}
