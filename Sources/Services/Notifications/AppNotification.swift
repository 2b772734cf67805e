/// One payment confirmation for the subscriber's app, as the JSON of the event itself (the HTTP
/// layer writes it as a ``ServerSentEvent``, with `eventId` as the SSE `id:`).
public struct AppNotification: Sendable, Hashable {
    public var eventId: String
    public var transactionId: String
    public var json: String

    public init(eventId: String, transactionId: String, json: String) {
        self.eventId = eventId
        self.transactionId = transactionId
        self.json = json
    }
}
