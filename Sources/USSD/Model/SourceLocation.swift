/// Where something was written in the menu files, so every diagnostic can say `file:line`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's path relative to the directory that was checked (e.g. `send-money.yaml`).
    public var file: String
    /// Line number, starting from 1.
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
