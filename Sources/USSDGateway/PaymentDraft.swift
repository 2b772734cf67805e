import Foundation
import Payments
import USSD

/// A payment a subscriber has seen on a confirm screen, kept so a timed-out subscriber can be offered it again.
///
/// The transaction id is fixed the first time the confirm screen shows and never changes: every publish of this
/// payment, from the first session or from any Pending offer after it, carries the same id, so the pipeline's
/// idempotency turns any second copy into nothing. No PIN is ever part of a draft: `inputs` are the plain inputs
/// that lead to the confirm screen (menu choices, numbers, amount).
struct PaymentDraft: Sendable {
    var transactionID: TransactionID
    var transactionType: String
    /// Whole shillings, as quoted.
    var amount: Int
    /// The registered name shown on the confirm screen, or the number when none is known.
    var payee: String
    /// Inputs that bring a new dialogue back to the confirm screen.
    var inputs: [String]
    var language: Language
    /// Set once a publish of this id failed without a certain "not persisted": from then on nothing can tell the
    /// subscriber "nothing was charged" for this payment.
    var mayBePersisted = false
}
