import SMPP

/// Messages the ``SMSCRouter`` queued on its links, one entry per message in the order given:
/// the link and ticket to wait on, or why the message was not queued at all.
public struct RoutedBatch: Sendable {
    enum Entry: Sendable {
        case queued(link: Int, SubmissionTicket)
        case unrouted(any Error)
    }

    let entries: [Entry]
}
