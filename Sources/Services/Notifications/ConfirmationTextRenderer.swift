import Foundation
import Payments

/// Turns a `payment-confirmations` event into the SMS texts it calls for. Pure: the same
/// confirmation, languages and time zone always give the same bytes, which is what lets the outbox
/// resend a message after a crash byte for byte and lets tests pin the seed's text exactly.
public struct ConfirmationTextRenderer: Sendable {
    public let texts: ConfirmationTexts
    /// The zone dates and times are shown in (Africa/Nairobi for subscribers).
    public let timeZone: TimeZone
    private let clock: SMSClockFormat

    public init(texts: ConfirmationTexts, timeZone: TimeZone = .nairobi) {
        self.texts = texts
        self.timeZone = timeZone
        clock = SMSClockFormat(timeZone: timeZone)
    }

    /// The SMS a confirmation calls for: none when `confirmationRequired` is false or the status is
    /// unknown; the failure text to the payer for `FAILED`; for `COMPLETED` the payer's text plus the
    /// recipient's, when the type has one and the recipient is another subscriber's MSISDN.
    public func messages(
        for confirmation: PaymentConfirmation,
        senderLanguage: SMSLanguage? = nil,
        recipientLanguage: SMSLanguage? = nil
    ) -> [ConfirmationSMS] {
        guard confirmation.confirmationRequired else { return [] }
        let payerLanguage = senderLanguage ?? texts.defaultLanguage
        switch confirmation.finalStatus {
        case .completed:
            var messages: [ConfirmationSMS] = []
            if let text = render(confirmation, kind: .sender, language: payerLanguage) {
                messages.append(ConfirmationSMS(role: .sender, msisdn: confirmation.fromMsisdn, language: payerLanguage, text: text))
            }
            let payeeLanguage = recipientLanguage ?? texts.defaultLanguage
            if let payee = try? MSISDN(parsing: confirmation.toMsisdn), payee != confirmation.fromMsisdn,
               let text = render(confirmation, kind: .recipient, language: payeeLanguage) {
                messages.append(ConfirmationSMS(role: .recipient, msisdn: payee, language: payeeLanguage, text: text))
            }
            return messages
        case .failed:
            guard let text = render(confirmation, kind: .failure, language: payerLanguage) else { return [] }
            return [ConfirmationSMS(role: .sender, msisdn: confirmation.fromMsisdn, language: payerLanguage, text: text)]
        case .unknown:
            return []
        }
    }

    /// One text of `confirmation`; nil when its transaction type has no text of that kind.
    public func render(_ confirmation: PaymentConfirmation, kind: ConfirmationTexts.Kind, language: SMSLanguage) -> String? {
        guard let template = texts.template(kind, for: confirmation.transactionType, language: language) else { return nil }
        return template.render(values(of: confirmation, language: language))
    }

    private func values(of confirmation: PaymentConfirmation, language: SMSLanguage) -> [String: String] {
        var values = [
            "code": confirmation.transactionId.value,
            "amount": confirmation.amount.formatted,
            "fee": confirmation.fee.formatted,
            "sender": confirmation.fromMsisdn.value,
            "recipient": confirmation.toMsisdn,
            "date": clock.date(confirmation.completionTime),
            "time": clock.time(confirmation.completionTime),
            "reason": texts.reason(confirmation.reason, language: language),
        ]
        if let balance = confirmation.senderNewBalance { values["balance"] = balance.formatted }
        if let name = confirmation.recipientName, !name.isEmpty { values["name"] = name }
        return values
    }
}
