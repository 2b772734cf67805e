/// One Kafka record header. The trace id (`traceparent`) travels this way.
public struct KafkaHeader: Sendable, Hashable {
    public var key: String
    public var value: [UInt8]

    public init(key: String, value: [UInt8]) {
        self.key = key
        self.value = value
    }

    public init(key: String, string: String) {
        self.init(key: key, value: Array(string.utf8))
    }

    public var stringValue: String? { String(validating: value, as: UTF8.self) }
}

extension Array where Element == KafkaHeader {
    /// The value of the first header named `key`, as text.
    public func string(for key: String) -> String? {
        first { $0.key == key }?.stringValue
    }
}
