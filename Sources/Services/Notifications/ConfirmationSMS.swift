import Payments

/// One rendered confirmation SMS, ready for the outbox: who gets it and the exact text.
public struct ConfirmationSMS: Sendable, Hashable {
    public var role: SMSRecipientRole
    public var msisdn: MSISDN
    public var language: SMSLanguage
    public var text: String

    public init(role: SMSRecipientRole, msisdn: MSISDN, language: SMSLanguage, text: String) {
        self.role = role
        self.msisdn = msisdn
        self.language = language
        self.text = text
    }
}
