/// Why a Kafka record is not a valid event, naming the field so a dead letter tells an operator what to fix.
public struct EventDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The bytes are not JSON, or not a JSON object.
        case invalidJSON
        /// A required field is absent.
        case missingField
        /// A field holds the wrong JSON type (e.g. a string amount) or `null`.
        case wrongType
        /// A field has the right type but an invalid value (e.g. a malformed MSISDN or time).
        case invalidValue
    }

    public let kind: Kind
    /// The dotted path of the field, e.g. `fromMsisdn` or `riskFactors.0`; nil for a whole-record problem.
    public let field: String?
    /// The event type being decoded, e.g. `PaymentRequest`.
    public let eventType: String
    /// Foundation's explanation.
    public let detail: String

    public init(kind: Kind, field: String?, eventType: String, detail: String) {
        self.kind = kind
        self.field = field
        self.eventType = eventType
        self.detail = detail
    }

    init(_ error: DecodingError, eventType: String) {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String? {
            let all = keys + (last.map { [$0] } ?? [])
            guard !all.isEmpty else { return nil }
            return all.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context):
            self.init(kind: .missingField, field: path(context.codingPath, key), eventType: eventType,
                      detail: context.debugDescription)
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            self.init(kind: .wrongType, field: path(context.codingPath), eventType: eventType,
                      detail: context.debugDescription)
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            self.init(kind: field == nil ? .invalidJSON : .invalidValue, field: field, eventType: eventType,
                      detail: context.debugDescription)
        @unknown default:
            self.init(kind: .invalidJSON, field: nil, eventType: eventType, detail: "\(error)")
        }
    }

    public var description: String {
        let subject = field.map { "field \($0)" } ?? "record"
        return "\(eventType): \(kind.rawValue) in \(subject): \(detail)"
    }
}
