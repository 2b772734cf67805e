/// One event of a `text/event-stream` (the WHATWG Server-Sent Events format), as the app stream
/// writes it.
///
/// Pure framing, so it is tested byte for byte: a field value may not contain a line break, so the
/// data is split into one `data:` line per line (the client joins them back with `\n`), and `event`
/// and `id` lose any line breaks rather than end the event early.
public struct ServerSentEvent: Sendable, Hashable {
    public var event: String?
    public var id: String?
    public var data: String

    public init(event: String? = nil, id: String? = nil, data: String) {
        self.event = event
        self.id = id
        self.data = data
    }

    /// The confirmation as the app receives it: `event: confirmation`, `id:` the event's `eventId`,
    /// so a client's `Last-Event-ID` names the last confirmation it saw.
    public init(_ notification: AppNotification) {
        self.init(event: "confirmation", id: notification.eventId, data: notification.json)
    }

    /// The wire text, ending with the blank line that dispatches the event.
    public var text: String {
        var text = ""
        if let event { text += "event: \(Self.singleLine(event))\n" }
        if let id { text += "id: \(Self.singleLine(id))\n" }
        for line in Self.lines(of: data) { text += "data: \(line)\n" }
        return text + "\n"
    }

    /// A comment line: ignored by clients, but it keeps idle proxies and load balancers from closing
    /// a quiet stream, and a write to a vanished client fails, which ends the stream on our side.
    public static let keepAlive = ": keep-alive\n\n"

    /// Sent first, so a client knows at once that it is subscribed and how long to wait before
    /// reconnecting after a drop (`retry`, in milliseconds).
    public static func opening(retryMilliseconds: Int) -> String {
        ": subscribed\nretry: \(retryMilliseconds)\n\n"
    }

    private static func lines(of text: String) -> [Substring] {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "\r", omittingEmptySubsequences: false) }
    }

    private static func singleLine(_ value: String) -> String {
        // By scalar: "\r\n" is one Character in Swift, equal to neither "\r" nor "\n".
        String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\n" && $0 != "\r" }))
    }
}
