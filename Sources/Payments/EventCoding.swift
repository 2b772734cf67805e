import Foundation

/// The one JSON configuration of every event, so that producers, consumers and tests agree byte for byte.
///
/// Times are written as the seed writes them, ISO-8601 in UTC without fractional seconds
/// (`2024-09-02T14:30:00Z`), computed from the epoch so the host's locale cannot change them. Reading
/// is more lenient, because outside producers (kcat, other languages) also send fractional seconds or
/// an offset (`2024-09-02T17:30:00.250+03:00`).
public enum EventCoding {
    /// A new encoder with the event settings. `sortedKeys` gives stable bytes for tests and diffs.
    public static func makeEncoder(sortedKeys: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sortedKeys ? [.sortedKeys, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(UTCCalendar.iso8601(date))
        }
        return encoder
    }

    /// A new decoder with the event settings.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseTimestamp(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected an ISO-8601 time like 2024-09-02T14:30:00Z, got \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    private static let encoder = makeEncoder()
    private static let sortedEncoder = makeEncoder(sortedKeys: true)
    private static let decoder = makeDecoder()

    /// `value` as event JSON.
    public static func encode<T: Encodable>(_ value: T, sortedKeys: Bool = false) throws -> Data {
        try (sortedKeys ? sortedEncoder : encoder).encode(value)
    }

    /// Decodes an event, translating Foundation's error into an ``EventDecodingError`` naming the field.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(EventDecodingError) -> T {
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw EventDecodingError(error, eventType: String(describing: type))
        } catch {
            throw EventDecodingError(
                kind: .invalidJSON, field: nil, eventType: String(describing: type), detail: "\(error)")
        }
    }

    /// Parses an ISO-8601 time with or without fractional seconds, `Z` or a numeric offset.
    public static func parseTimestamp(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: plain) { return date }
        return try? Date(text, strategy: fractional)
    }

    private static let plain = Date.ISO8601FormatStyle()
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// `date` as the seed writes times: `2024-09-02T14:30:00Z`.
    public static func formatTimestamp(_ date: Date) -> String {
        UTCCalendar.iso8601(date)
    }
}
