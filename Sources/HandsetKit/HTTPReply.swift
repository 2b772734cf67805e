/// One HTTP response as the aggregator sees it: the status and the body as text.
public struct HTTPReply: Hashable, Sendable {
    public var status: Int
    public var body: String

    public init(status: Int, body: String) {
        self.status = status
        self.body = body
    }
}

/// Why an HTTP exchange produced no reply.
public enum HTTPClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The connection could not be opened.
    case connectFailed(String)
    /// The server closed the connection before answering.
    case connectionClosed
    /// No complete answer within the time limit (the connection is closed, as an aggregator would).
    case timedOut(milliseconds: Int)

    public var description: String {
        switch self {
        case .connectFailed(let reason): "cannot connect: \(reason)"
        case .connectionClosed: "connection closed before an answer"
        case .timedOut(let ms): "no answer within \(ms) ms"
        }
    }
}
