/// Who an SMS about a payment goes to. Together with the transaction id it names one outbox row,
/// so a redelivered confirmation finds the row it already made instead of sending again.
public enum SMSRecipientRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The payer: the success text, or the failure text when the payment failed.
    case sender
    /// The party paid, when it is a subscriber (an MSISDN); tills, paybills and agents get none.
    case recipient
}
