/// What a confirmed money flow asks the gateway to publish, before the gateway adds the session's own facts
/// (`fromMsisdn`, transaction id, timestamp, `initiationChannel`).
///
/// Fields come from the menu's `submit.fields` mapping, so a new flow needs no engine change. Field names follow
/// the seed where it has one (`toMsisdn`, `amount`); the rest are documented in `menus/README.md`.
public struct PaymentIntent: Hashable, Sendable, CustomStringConvertible {
    /// `P2P_TRANSFER`, `AGENT_WITHDRAWAL`, `AIRTIME_PURCHASE`, `PAYBILL` or `BUY_GOODS`.
    public var transactionType: String
    /// Payment field name to value, e.g. `["toMsisdn": "254711987654", "amount": "5000"]`.
    public var fields: [String: String]

    public init(transactionType: String, fields: [String: String]) {
        self.transactionType = transactionType
        self.fields = fields
    }

    /// The amount in whole shillings, when the flow maps one.
    public var amount: Int? { fields["amount"].flatMap { Int($0) } }

    public var description: String {
        let shown = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        return "\(transactionType) \(shown)"
    }
}
