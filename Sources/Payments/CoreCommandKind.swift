/// What the orchestrator tells core to do with a reservation (`command` on `core-processing`).
public enum CoreCommandKind: OpenEnum {
    case execute
    case release
    /// A value this build does not know; kept verbatim so that it can be rejected or relayed.
    case unknown(String)

    public static let knownCases: [CoreCommandKind] = [.execute, .release]

    public init(rawValue: String) {
        self = CoreCommandKind.known(rawValue) ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .execute: "EXECUTE"
        case .release: "RELEASE"
        case let .unknown(raw): raw
        }
    }
}
