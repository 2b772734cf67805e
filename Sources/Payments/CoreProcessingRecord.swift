import Foundation

/// One record of `core-processing`, which carries three kinds of value: core's answers to requests
/// (``CoreResult``), core's completions (``CoreCompletion``) and the orchestrator's commands
/// (``CoreCommand``). Core owns the commands, the orchestrator the results; each skips the rest.
///
/// The kind is read from the JSON's shape: a `command` field means a command; a `coreStatus` of
/// `COMPLETED` a completion; any other `coreStatus` a result; neither, ``unknown``.
public enum CoreProcessingRecord: Sendable, Hashable {
    case result(CoreResult)
    case completion(CoreCompletion)
    case command(CoreCommand)
    /// A JSON object with neither `command` nor `coreStatus`: nobody's, skip it.
    case unknown

    /// Classifies and decodes `data`; throws when the bytes are not a JSON object or the record of the
    /// recognised kind is malformed.
    public static func decode(from data: Data) throws(EventDecodingError) -> CoreProcessingRecord {
        let shape = try EventCoding.decode(Shape.self, from: data)
        if shape.command != nil {
            return .command(try EventCoding.decode(CoreCommand.self, from: data))
        }
        guard let status = shape.coreStatus else { return .unknown }
        if CoreStatus(rawValue: status) == .completed {
            return .completion(try EventCoding.decode(CoreCompletion.self, from: data))
        }
        return .result(try EventCoding.decode(CoreResult.self, from: data))
    }

    /// The transaction the record belongs to, if it is of a known kind.
    public var transactionId: TransactionID? {
        switch self {
        case let .result(value): value.transactionId
        case let .completion(value): value.transactionId
        case let .command(value): value.transactionId
        case .unknown: nil
        }
    }

    /// The record's event id, if it is of a known kind.
    public var eventId: String? {
        switch self {
        case let .result(value): value.eventId
        case let .completion(value): value.eventId
        case let .command(value): value.eventId
        case .unknown: nil
        }
    }

    /// Just the discriminating fields; anything else in the object is ignored.
    private struct Shape: Decodable {
        let command: String?
        let coreStatus: String?
    }
}
