/// Something the engine needs from the outside world. The adapter performs it and calls
/// `Dialogue.resume(with:)` with the matching `EffectAnswer`.
public enum DialogueEffect: Equatable, Sendable {
    /// Find the registered name for `number`; answer `.name(_:)` (nil when unknown).
    case lookupName(recipient: RecipientKind, number: String)
    /// Quote the fee; answer `.fee(_:)`.
    case quoteFee(transactionType: String, amount: Int)
    /// Check the PIN; answer `.pinAccepted`, `.pinRejected(attemptsLeft:)` or `.pinLocked(minutes:)`.
    /// The engine keeps no copy once it has returned this effect.
    case verifyPIN(PIN)
    /// Publish a payment request; answer `.succeeded`, `.failed` (certainly not persisted) or `.uncertain`.
    case submitPayment(PaymentIntent)
    /// Look up the balance or statement; answer `.succeeded(values)` with the variables the END screen shows
    /// (`balance`, `statement`) or `.failed`.
    case query(AccountQuery)
    /// Store a new PIN (the old one was verified earlier in this dialogue); answer `.succeeded` or `.failed`.
    case changePIN(newPIN: PIN)
    /// Remember the subscriber's language; answer `.succeeded` or `.failed`.
    case setLanguage(Language)
}

/// The adapter's answer to a `DialogueEffect`.
public enum EffectAnswer: Hashable, Sendable {
    case name(String?)
    case fee(Int)
    case pinAccepted
    /// A wrong PIN that did not lock the account; `attemptsLeft` is at least 1.
    case pinRejected(attemptsLeft: Int)
    /// The account is locked (this attempt locked it, or it already was).
    case pinLocked(minutes: Int)
    /// Done; `values` become session variables (e.g. `balance`, `transactionId`).
    case succeeded([String: String] = [:])
    /// Certainly not done.
    case failed([String: String] = [:])
    /// Maybe done (a payment request whose persistence is unknown).
    case uncertain([String: String] = [:])
}

/// What the adapter does next: show a screen or perform an effect.
public enum DialogueStep: Equatable, Sendable {
    /// Show this and wait for input (`CON`).
    case con(String)
    /// Show this and close the session (`END`).
    case end(String)
    /// Perform this, then call `resume(with:)`.
    case effect(DialogueEffect)
}
