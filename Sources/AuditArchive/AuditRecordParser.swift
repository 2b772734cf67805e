import Foundation

/// The fields of an audit event the archive indexes and chains; everything else stays in `json`.
struct ParsedAuditRecord: Sendable, Hashable {
    let eventId: String
    let transactionId: String
    let eventType: String
    let service: String?
    let timestamp: ArchiveTimestamp
    /// The record value, verbatim.
    let json: String
}

/// Why a record is not an audit event; its text goes into the `malformed` table.
enum MalformedReason: Error, Hashable, CustomStringConvertible {
    case notUTF8
    case notJSON(String)
    case notAnObject
    case missingField(String)
    case badTimestamp(String)

    var description: String {
        switch self {
        case .notUTF8: "value is not UTF-8"
        case .notJSON(let detail): "value is not JSON: \(detail)"
        case .notAnObject: "value is JSON but not an object"
        case .missingField(let name): "missing field \"\(name)\" (or not a non-empty string)"
        case .badTimestamp(let text): "timestamp \"\(text)\" is not an ISO-8601 time from 1970 to 9998"
        }
    }
}

/// Reads a record value leniently: any JSON object with a string `eventId`, `transactionId`,
/// `eventType` and `timestamp` is an audit event, whatever else it carries.
///
/// Deliberately not `AuditEvent`'s decoder: several services publish to `audit-trail` with their own
/// extra fields (``AuditEvent``, `SMSDeliveryEvent`, …) and an event type the archive has never heard of
/// must still be archived, not refused.
enum AuditRecordParser {
    static func parse(_ value: [UInt8]) -> Result<ParsedAuditRecord, MalformedReason> {
        guard let text = String(validating: value, as: UTF8.self) else { return .failure(.notUTF8) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(value), options: [.fragmentsAllowed])
        } catch {
            return .failure(.notJSON(String(describing: error)))
        }
        guard let fields = object as? [String: Any] else { return .failure(.notAnObject) }
        func string(_ name: String) -> String? {
            guard let value = fields[name] as? String, !value.isEmpty else { return nil }
            return value
        }
        guard let eventId = string("eventId") else { return .failure(.missingField("eventId")) }
        guard let transactionId = string("transactionId") else { return .failure(.missingField("transactionId")) }
        guard let eventType = string("eventType") else { return .failure(.missingField("eventType")) }
        guard let timeText = string("timestamp") else { return .failure(.missingField("timestamp")) }
        guard let timestamp = ArchiveTimestamp(parsing: timeText) else { return .failure(.badTimestamp(timeText)) }
        return .success(
            ParsedAuditRecord(
                eventId: eventId, transactionId: transactionId, eventType: eventType, service: string("service"),
                timestamp: timestamp, json: text))
    }
}
