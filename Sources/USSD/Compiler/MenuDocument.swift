/// A menu as read from its files, before the checks: the `Menu` plus what only the checker needs.
public struct MenuDocument: Sendable {
    public var menu: Menu
    /// Where `start:` was written; nil when no file has `settings`.
    public var startLocation: SourceLocation?
    /// Where `settings:` was written.
    public var settingsLocation: SourceLocation?
    /// Where `labels:` was written, for a missing label.
    public var labelsLocation: SourceLocation?

    public init(menu: Menu, startLocation: SourceLocation? = nil, settingsLocation: SourceLocation? = nil) {
        self.menu = menu
        self.startLocation = startLocation
        self.settingsLocation = settingsLocation
    }
}

/// One menu file: its name (relative to the menus directory, as diagnostics show it) and its text.
public struct MenuFile: Hashable, Sendable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
