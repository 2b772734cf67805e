import Foundation

/// Reads a librdkafka properties file (`key=value` per line, `#` comments), the format of the Java
/// client's `client.properties`, so an operator can reuse the file their Kafka team hands out.
enum LibrdkafkaPropertiesFile {
    struct ParseError: Error, CustomStringConvertible {
        var path: String
        var line: Int
        var reason: String
        var description: String { "\(path):\(line): \(reason)" }
    }

    static func load(path: String) throws -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ParseError(path: path, line: 0, reason: "cannot be read")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(ParseError) -> [String: String] {
        var properties: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ParseError(path: path, line: index + 1, reason: "expected key=value")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { throw ParseError(path: path, line: index + 1, reason: "empty key") }
            properties[key] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return properties
    }
}
