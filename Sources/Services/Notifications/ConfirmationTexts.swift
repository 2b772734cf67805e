import Foundation
import Payments
import Yams

/// The confirmation texts of every language, loaded from `config/sms-texts.yaml` and checked once:
/// every language has the success and failure text of every transaction type and a default reason,
/// and every template parses. Texts are data so that operations can reword them without a release.
public struct ConfirmationTexts: Sendable {
    /// Which text of a transaction type.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// To the payer when the payment completed.
        case sender
        /// To the party paid when it is a subscriber; optional per type.
        case recipient
        /// To the payer when the payment failed.
        case failure
    }

    struct LanguageTexts: Sendable {
        var reasons: [String: String]
        var templates: [String: [Kind: SMSTemplate]]
    }

    /// The language for subscribers whose preference is unknown.
    public let defaultLanguage: SMSLanguage
    let languages: [SMSLanguage: LanguageTexts]

    /// Parses and checks the YAML text of `config/sms-texts.yaml`.
    public init(yaml: String) throws(ConfirmationTextsError) {
        let document: Document
        do {
            document = try YAMLDecoder().decode(Document.self, from: yaml)
        } catch {
            throw .unreadable("\(error)")
        }
        var languages: [SMSLanguage: LanguageTexts] = [:]
        for (code, texts) in document.languages {
            guard let language = SMSLanguage(rawValue: code) else { throw .unreadable("unknown language \(code)") }
            languages[language] = try Self.check(texts, language: code)
        }
        for language in SMSLanguage.allCases where languages[language] == nil {
            throw .missingText(language: language.rawValue, transactionType: "*", role: "any")
        }
        let defaultCode = document.defaultLanguage ?? SMSLanguage.english.rawValue
        guard let defaultLanguage = SMSLanguage(rawValue: defaultCode) else { throw .unknownDefaultLanguage(defaultCode) }
        self.defaultLanguage = defaultLanguage
        self.languages = languages
    }

    /// Reads and checks the file at `path`.
    public static func load(path: String) throws(ConfirmationTextsError) -> ConfirmationTexts {
        let yaml: String
        do {
            yaml = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable("\(path): \(error.localizedDescription)")
        }
        return try ConfirmationTexts(yaml: yaml)
    }

    /// The text of `kind` for `type` in `language`; nil when the type has none of that kind (a
    /// recipient text for a till). A type this build does not know reads as a transfer.
    public func template(_ kind: Kind, for type: TransactionType?, language: SMSLanguage) -> SMSTemplate? {
        let known = type.flatMap { $0.isKnown ? $0 : nil } ?? .p2pTransfer
        return languages[language]?.templates[known.rawValue]?[kind]
    }

    /// How `language` words a failure `code` (a ``ReasonCode``); the `default` wording for others.
    public func reason(_ code: String?, language: SMSLanguage) -> String {
        let reasons = languages[language]?.reasons ?? [:]
        return code.flatMap { reasons[$0] } ?? reasons["default"] ?? ""
    }

    private static func check(_ texts: LanguageDocument, language: String) throws(ConfirmationTextsError) -> LanguageTexts {
        guard texts.reasons["default"] != nil else { throw .missingDefaultReason(language: language) }
        var templates: [String: [Kind: SMSTemplate]] = [:]
        for (type, entries) in texts.transactions {
            var parsed: [Kind: SMSTemplate] = [:]
            for (name, text) in entries {
                guard let kind = Kind(rawValue: name) else {
                    throw .unreadable("\(language) \(type): unknown text kind \(name)")
                }
                parsed[kind] = try SMSTemplate(parsing: text)
            }
            templates[type] = parsed
        }
        for type in TransactionType.knownCases {
            for kind in [Kind.sender, .failure] where templates[type.rawValue]?[kind] == nil {
                throw .missingText(language: language, transactionType: type.rawValue, role: kind.rawValue)
            }
        }
        return LanguageTexts(reasons: texts.reasons, templates: templates)
    }

    private struct Document: Decodable {
        var defaultLanguage: String?
        var languages: [String: LanguageDocument]
    }

    private struct LanguageDocument: Decodable {
        var reasons: [String: String]
        var transactions: [String: [String: String]]
    }
}
