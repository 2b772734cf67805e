/// The three systems whose answers the orchestrator joins (named in timeouts and dead letters).
public enum ValidationSystem: OpenEnum {
    case fraud
    case revenue
    case core
    /// A value this build does not know; kept verbatim so that it can be rejected or relayed.
    case unknown(String)

    public static let knownCases: [ValidationSystem] = [.fraud, .revenue, .core]

    public init(rawValue: String) {
        self = ValidationSystem.known(rawValue) ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .fraud: "FRAUD"
        case .revenue: "REVENUE"
        case .core: "CORE"
        case let .unknown(raw): raw
        }
    }
}

extension ValidationSystem {
    /// `systems` in a stable order (fraud, revenue, core, then unknown ones by name), so that
    /// messages and dead letters naming them are deterministic.
    public static func ordered(_ systems: Set<ValidationSystem>) -> [ValidationSystem] {
        knownCases.filter(systems.contains)
            + systems.filter { !$0.isKnown }.sorted { $0.rawValue < $1.rawValue }
    }
}
