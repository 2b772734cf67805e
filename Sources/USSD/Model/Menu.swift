/// The whole *334# journey as loaded from `menus/`: screens, the variables they show, and the fixed labels
/// the engine adds (navigation, wrong PIN, lock).
///
/// A `Menu` returned by `MenuCompiler.compile` has passed every check; one built by hand (tests) may not, and
/// the engine then answers a clean END rather than crash.
public struct Menu: Sendable {
    public var start: ScreenID
    public var languages: [Language]
    public var labels: [Label: LocalizedText]
    public var variables: [String: VariableSpec]
    public var screens: [ScreenID: Screen]

    public init(
        start: ScreenID, languages: [Language], labels: [Label: LocalizedText],
        variables: [String: VariableSpec], screens: [ScreenID: Screen]
    ) {
        self.start = start
        self.languages = languages
        self.labels = labels
        self.variables = variables
        self.screens = screens
    }

    /// Texts the engine adds around screens. The navigation words are shown after their key (`98 More`).
    public enum Label: String, Hashable, Sendable, CaseIterable {
        case more, back, confirm, cancel, invalidChoice, wrongPin, pinLocked, unavailable
    }

    public func label(_ label: Label, in language: Language) -> Template {
        labels[label]?.template(in: language) ?? .literal(label.rawValue)
    }
}
