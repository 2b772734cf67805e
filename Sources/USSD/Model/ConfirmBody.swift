/// A confirm screen and the look-ups that must be answered before it can be shown.
public struct ConfirmBody: Hashable, Sendable {
    public var accept: ScreenRef
    public var cancel: ScreenRef
    /// Look up the recipient's registered name first (the "Hakikisha" check).
    public var lookup: Lookup?
    /// Ask for the fee first, so the subscriber sees it before the PIN.
    public var quote: Quote?

    public init(accept: ScreenRef, cancel: ScreenRef, lookup: Lookup? = nil, quote: Quote? = nil) {
        self.accept = accept
        self.cancel = cancel
        self.lookup = lookup
        self.quote = quote
    }
}

/// Who a number belongs to, so the adapter knows where to look it up.
public enum RecipientKind: String, Hashable, Sendable, CaseIterable {
    case subscriber = "SUBSCRIBER"
    case agent = "AGENT"
    case till = "TILL"
    case paybill = "PAYBILL"
}

public struct Lookup: Hashable, Sendable {
    public var recipient: RecipientKind
    /// The session variable holding the number to look up.
    public var key: String
    /// The session variable that receives the registered name.
    public var into: String
    /// Where to go when the number has no registered name; without it the number itself is shown as the name.
    public var ifUnknown: ScreenRef?

    public init(recipient: RecipientKind, key: String, into: String, ifUnknown: ScreenRef? = nil) {
        self.recipient = recipient
        self.key = key
        self.into = into
        self.ifUnknown = ifUnknown
    }
}

public struct Quote: Hashable, Sendable {
    public var transactionType: String
    /// The session variable holding the amount.
    public var amount: String
    /// The session variable that receives the fee.
    public var into: String

    public init(transactionType: String, amount: String, into: String) {
        self.transactionType = transactionType
        self.amount = amount
        self.into = into
    }
}
