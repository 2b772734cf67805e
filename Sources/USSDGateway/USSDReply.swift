/// What the endpoint answers a hop: a screen that keeps the session open (`CON`) or closes it (`END`).
public enum USSDReply: Hashable, Sendable, CustomStringConvertible {
    case con(String)
    case end(String)

    /// The `text/plain` body in the aggregator's convention.
    public var body: String {
        switch self {
        case .con(let text): "CON " + text
        case .end(let text): "END " + text
        }
    }

    public var isEnd: Bool {
        if case .end = self { return true }
        return false
    }

    public var description: String { body }
}
