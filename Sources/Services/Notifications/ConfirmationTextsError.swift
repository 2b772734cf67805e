/// Why `config/sms-texts.yaml` cannot be used; each case names what to fix in the file.
public enum ConfirmationTextsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be read or is not YAML of the expected shape.
    case unreadable(String)
    case malformedTemplate(String, String)
    case unknownPlaceholder(String, template: String)
    /// A language lacks a text every payment may need (`sender` or `failure` of a type).
    case missingText(language: String, transactionType: String, role: String)
    /// A language lacks the `default` reason used for codes without their own wording.
    case missingDefaultReason(language: String)
    /// `defaultLanguage` names a language the file does not define.
    case unknownDefaultLanguage(String)

    public var description: String {
        switch self {
        case .unreadable(let detail): "SMS texts unreadable: \(detail)"
        case .malformedTemplate(let template, let why): "SMS text \"\(template)\": \(why)"
        case .unknownPlaceholder(let name, let template): "SMS text \"\(template)\": unknown placeholder {\(name)}"
        case .missingText(let language, let type, let role): "SMS texts: \(language) \(type) has no \(role) text"
        case .missingDefaultReason(let language): "SMS texts: \(language) has no default reason"
        case .unknownDefaultLanguage(let language): "SMS texts: default language \(language) is not defined"
        }
    }
}
