/// The languages the confirmation texts exist in, named by their ISO 639-1 codes (as the ledger
/// stores a subscriber's choice and `config/sms-texts.yaml` keys its sections).
public enum SMSLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case english = "en"
    case kiswahili = "sw"
}
