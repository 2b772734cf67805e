/// One text in every language the menus declare, e.g. `text: {en: "Enter amount", sw: "Weka kiasi"}`.
public struct LocalizedText: Hashable, Sendable {
    /// The parsed text per language.
    public var translations: [Language: Template]
    /// Where the mapping starts, for a missing-translation diagnostic.
    public var location: SourceLocation
    /// Where each translation was written, so a too-long screen points at the line to shorten.
    public var lines: [Language: Int]

    public init(translations: [Language: Template], location: SourceLocation, lines: [Language: Int] = [:]) {
        self.translations = translations
        self.location = location
        self.lines = lines
    }

    /// The text in `language`, falling back to any translation so a screen is never blank at run time
    /// (the compiler has already refused menus with a missing translation).
    public func template(in language: Language) -> Template {
        if let template = translations[language] { return template }
        return translations.min { $0.key < $1.key }?.value ?? .literal("")
    }

    /// The location of one translation, or of the mapping when that translation is absent.
    public func location(of language: Language) -> SourceLocation {
        SourceLocation(file: location.file, line: lines[language] ?? location.line)
    }
}
