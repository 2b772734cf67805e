/// An account a dialogue needs to exist before it runs, declared in its `accounts:` list.
///
/// The handset cannot create accounts (it only dials); whoever starts the gateway for the
/// dialogue suite seeds these, e.g. with `pesagate accounts add`, so each dialogue has numbers of
/// its own and the suite passes in any order.
public struct ScriptAccount: Hashable, Sendable {
    public var msisdn: String
    public var name: String
    /// `en` or `sw`: the language the gateway will answer this subscriber in.
    public var lang: String
    /// Opening balance in whole shillings.
    public var balance: Int
    public var pin: String

    public init(msisdn: String, name: String, lang: String = "en", balance: Int, pin: String = "1234") {
        self.msisdn = msisdn
        self.name = name
        self.lang = lang
        self.balance = balance
        self.pin = pin
    }
}
