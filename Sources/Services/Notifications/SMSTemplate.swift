/// One confirmation text with `{placeholder}`s and `[[optional parts]]`, parsed once at load time so
/// a typo in `config/sms-texts.yaml` stops the service at start-up instead of garbling an SMS.
///
/// An optional part is left out when any placeholder inside it has no value (a balance the
/// confirmation does not carry), which keeps one template per message instead of one per combination.
public struct SMSTemplate: Sendable, Hashable {
    /// The names a template may use; anything else is a typo.
    public static let placeholders: Set<String> = [
        "code", "amount", "fee", "balance", "sender", "recipient", "name", "date", "time", "reason",
    ]

    enum Piece: Sendable, Hashable {
        case text(String)
        case value(String)
        case optional([Piece])
    }

    let pieces: [Piece]
    /// The template as written, for error messages.
    public let source: String

    public init(parsing source: String) throws(ConfirmationTextsError) {
        self.source = source
        var pieces: [Piece] = []
        var rest = Substring(source)
        while !rest.isEmpty {
            if rest.hasPrefix("[[") {
                guard let close = rest.range(of: "]]") else { throw .malformedTemplate(source, "unclosed [[") }
                let inner = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]
                guard !inner.contains("[[") else { throw .malformedTemplate(source, "nested [[") }
                pieces.append(.optional(try Self.parseFlat(inner, source: source)))
                rest = rest[close.upperBound...]
            } else {
                let end = rest.range(of: "[[")?.lowerBound ?? rest.endIndex
                guard !rest[..<end].contains("]]") else { throw .malformedTemplate(source, "]] without [[") }
                pieces += try Self.parseFlat(rest[..<end], source: source)
                rest = rest[end...]
            }
        }
        self.pieces = pieces
    }

    /// Fills the placeholders; a missing value drops its optional part, or renders as empty text
    /// outside one (the loader makes sure required values exist for the roles that use them).
    public func render(_ values: [String: String]) -> String {
        Self.render(pieces, values) ?? ""
    }

    /// The placeholders used anywhere in the template.
    public var usedPlaceholders: Set<String> {
        func names(_ pieces: [Piece]) -> [String] {
            pieces.flatMap { piece -> [String] in
                switch piece {
                case .text: []
                case .value(let name): [name]
                case .optional(let inner): names(inner)
                }
            }
        }
        return Set(names(pieces))
    }

    private static func render(_ pieces: [Piece], _ values: [String: String], strict: Bool = false) -> String? {
        var output = ""
        for piece in pieces {
            switch piece {
            case .text(let text): output += text
            case .value(let name):
                guard let value = values[name] else {
                    if strict { return nil }
                    continue
                }
                output += value
            case .optional(let inner):
                output += render(inner, values, strict: true) ?? ""
            }
        }
        return output
    }

    private static func parseFlat(_ text: Substring, source: String) throws(ConfirmationTextsError) -> [Piece] {
        var pieces: [Piece] = []
        var rest = text
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw .malformedTemplate(source, "unclosed {")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard placeholders.contains(name) else { throw .unknownPlaceholder(name, template: source) }
            pieces.append(.value(name))
            rest = rest[rest.index(after: close)...]
        }
        guard !rest.contains("}") else { throw .malformedTemplate(source, "} without {") }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }
}
