/// A string enum of the wire format that keeps values it does not know instead of failing to decode.
///
/// Outside producers (another version of a service, an operator with `kcat`) may send a status this
/// build has never seen. Failing the whole record would park it as poison; keeping the raw value in an
/// `unknown` case lets the pipeline decide, and the decision matrix rejects any unknown value.
public protocol OpenEnum: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible
where RawValue == String {
    /// The cases this build knows, in wire order.
    static var knownCases: [Self] { get }
}

extension OpenEnum {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid value \"\(raw)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Values are equal when they are spelled the same on the wire, so `.unknown("APPROVED")` built by
    /// hand still equals `.approved`.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Whether this value is one this build understands.
    public var isKnown: Bool { Self.knownCases.contains(self) }

    /// The known case spelled `raw`, if any: the lookup every `init(rawValue:)` starts with.
    static func known(_ raw: String) -> Self? {
        knownCases.first { $0.rawValue == raw }
    }
}
