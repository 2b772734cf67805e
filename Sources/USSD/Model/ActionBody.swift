/// A step with no screen: the engine hands an effect to the adapter and goes on with its answer.
public struct ActionBody: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Publish a payment request: `fields` maps payment field names to session variables.
        case submit(transactionType: String, fields: [String: String])
        /// Balance or mini statement; the answer's values are shown on `next`.
        case query(AccountQuery)
        /// Change the PIN to the secret held in variable `from`.
        case changePIN(from: String)
        /// Set the subscriber's language to the value of variable `from`.
        case setLanguage(from: String)
    }

    public var kind: Kind
    public var next: ScreenRef
    public var failed: ScreenRef
    /// For payments: where to go when the request may or may not have been persisted. Required for `submit`
    /// because saying "nothing was charged" is only allowed when it is certain.
    public var uncertain: ScreenRef?

    public init(kind: Kind, next: ScreenRef, failed: ScreenRef, uncertain: ScreenRef? = nil) {
        self.kind = kind
        self.next = next
        self.failed = failed
        self.uncertain = uncertain
    }
}

/// What My Account can ask about.
public enum AccountQuery: String, Hashable, Sendable, CaseIterable {
    case balance = "BALANCE_QUERY"
    case miniStatement = "MINI_STATEMENT"
}
