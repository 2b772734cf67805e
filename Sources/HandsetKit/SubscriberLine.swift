/// Who is dialling and through which network: the fixed fields of every USSD request.
public struct SubscriberLine: Hashable, Sendable {
    /// International digits without `+`, e.g. `254700123456`.
    public var msisdn: String
    /// The telco's code (`63902` is Safaricom).
    public var networkCode: String

    public init(msisdn: String, networkCode: String = "63902") {
        self.msisdn = Self.normalize(msisdn)
        self.networkCode = networkCode
    }

    /// `phoneNumber` as Africa's Talking sends it: `+2547…`.
    public var phoneNumber: String { "+" + msisdn }

    /// Accepts `+2547…`, `2547…` and the local `07…`/`01…`, and keeps the digits of the international form.
    public static func normalize(_ raw: String) -> String {
        let digits = raw.filter(\.isNumber)
        if digits.hasPrefix("0"), digits.count == 10 { return "254" + digits.dropFirst() }
        return digits
    }
}
