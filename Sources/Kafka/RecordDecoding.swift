import Foundation

/// A record whose value could not be decoded: says exactly which record, so it can be dead-lettered
/// and found again, and why.
public struct RecordDecodingError: Error, Sendable, CustomStringConvertible {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public var reason: String

    public var description: String { "cannot decode \(topic)/\(partition)@\(offset): \(reason)" }
}

extension ConsumerRecord {
    /// Decodes the JSON value as `T`, or throws a `RecordDecodingError` naming the record.
    public func decode<T: Decodable>(_ type: T.Type, using decoder: JSONDecoder) throws(RecordDecodingError) -> T {
        do {
            return try decoder.decode(T.self, from: Data(value))
        } catch let DecodingError.keyNotFound(key, _) {
            throw failure("missing field \(key.stringValue)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw failure("bad value at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw failure(path.isEmpty ? "not valid JSON: \(context.debugDescription)" : "bad value at \(path): \(context.debugDescription)")
        } catch {
            throw failure("\(error)")
        }
    }

    private func failure(_ reason: String) -> RecordDecodingError {
        RecordDecodingError(topic: topic, partition: partition, offset: offset, reason: reason)
    }
}
