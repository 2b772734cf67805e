/// A screen text with `{variable}` placeholders, parsed once when the menus load.
///
/// Keeping literals and variables apart lets the compiler bound a screen's length (each variable counted at
/// its declared width) and lets the engine transliterate only the filled-in values.
public struct Template: Hashable, Sendable {
    public enum Segment: Hashable, Sendable {
        case literal(String)
        case variable(String)
    }

    public private(set) var segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments.filter { $0 != .literal("") }
    }

    /// A template made of fixed text only.
    public static func literal(_ text: String) -> Template { Template(segments: [.literal(text)]) }

    /// The names of the variables this template shows, in order of appearance.
    public var variables: [String] {
        segments.compactMap { if case .variable(let name) = $0 { name } else { nil } }
    }

    /// Fills every placeholder with `value(name)`.
    public func fill(_ value: (String) -> String) -> String {
        segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .variable(let name): value(name)
            }
        }.joined()
    }

    public static func + (lhs: Template, rhs: Template) -> Template {
        Template(segments: lhs.segments + rhs.segments)
    }

    /// Joins templates with a newline, the line separator of USSD screens.
    public static func lines(_ parts: [Template]) -> Template {
        var result = Template(segments: [])
        for (index, part) in parts.enumerated() {
            if index > 0 { result = result + .literal("\n") }
            result = result + part
        }
        return result
    }
}

extension Template {
    /// Why parsing failed, for the compiler's message.
    public enum ParseError: Error, Equatable, Sendable {
        case unclosedBrace
        case emptyName
        case strayClosingBrace
    }

    /// Parses `Send Ksh{amount} to {recipientName}`. Names are letters, digits and `_`; a `{` always opens a
    /// placeholder, because literal braces are GSM-7 extension characters that no screen needs.
    public static func parse(_ text: String) throws(ParseError) -> Template {
        var segments: [Segment] = []
        var literal = ""
        var name: String?
        for character in text {
            if var open = name {
                if character == "}" {
                    guard !open.isEmpty else { throw .emptyName }
                    segments.append(.literal(literal))
                    segments.append(.variable(open))
                    literal = ""
                    name = nil
                } else if character.isLetter || character.isNumber || character == "_" {
                    open.append(character)
                    name = open
                } else {
                    throw .unclosedBrace
                }
            } else if character == "{" {
                name = ""
            } else if character == "}" {
                throw .strayClosingBrace
            } else {
                literal.append(character)
            }
        }
        guard name == nil else { throw .unclosedBrace }
        segments.append(.literal(literal))
        return Template(segments: segments)
    }
}
