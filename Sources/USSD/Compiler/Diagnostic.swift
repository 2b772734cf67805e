/// One problem found in the menu files, printed as `file:line: message` like a compiler error, so editors
/// and CI logs can jump to it.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location.file, lhs.location.line, lhs.message) < (rhs.location.file, rhs.location.line, rhs.message)
    }
}

/// Thrown by `MenuCompiler.compile` when the menus have any diagnostic: the gateway refuses to start on them.
public struct MenuCompileError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
