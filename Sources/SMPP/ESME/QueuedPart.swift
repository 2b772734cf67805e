/// One `submit_sm` waiting to go out or waiting for its response.
struct QueuedPart: Sendable {
    /// Global arrival order: a part that must be retried goes back to its place, ahead of
    /// everything that came after it.
    var order: UInt64
    var messageKey: UInt64
    var reference: String
    var partNumber: Int
    var totalParts: Int
    var submit: SubmitSM
    var attempts = 0

    var destination: String { submit.destination.address }
}
