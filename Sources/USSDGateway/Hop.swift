import Payments

/// One validated `POST /ussd` call: the aggregator's fields, checked and normalised.
public struct Hop: Sendable, Hashable {
    public var sessionID: String
    public var serviceCode: String
    /// Normalised: `+254700123456`, `254700123456`, ` 254700123456` (a form-decoded `+`) and `0700123456` are
    /// one subscriber.
    public var msisdn: MSISDN
    public var networkCode: String
    /// Every input so far joined by `*`. Holds PINs: never log, cache or record it (use `InputTrail`).
    public var text: String

    public init(sessionID: String, serviceCode: String, msisdn: MSISDN, networkCode: String, text: String) {
        self.sessionID = sessionID
        self.serviceCode = serviceCode
        self.msisdn = msisdn
        self.networkCode = networkCode
        self.text = text
    }
}

/// Why a call was refused before it reached a session; the message is what the HTTP answer says.
public enum HopRejection: Error, Hashable, Sendable {
    case malformedBody
    case missingField(String)
    case invalidPhoneNumber
    case fieldTooLong(String)

    public var message: String {
        switch self {
        case .malformedBody: "The body is not a valid application/x-www-form-urlencoded form."
        case .missingField(let name): "The field \(name) is missing."
        case .invalidPhoneNumber: "phoneNumber is not a valid mobile number."
        case .fieldTooLong(let name): "The field \(name) is too long."
        }
    }
}

extension Hop {
    /// Longest `sessionId`, `serviceCode` and `networkCode` accepted: real ones are far shorter, and these end
    /// up as dictionary keys and in logs.
    static let maxFieldBytes = 128

    /// Reads a form into a hop. `text` may be empty or absent on the first hop (absent is read as empty); every
    /// other field is required. A `text` over `maxTextBytes` is not refused here: it gets a clean END.
    static func parse(_ form: FormBody) -> Result<Hop, HopRejection> {
        var values: [String: String] = [:]
        for name in ["sessionId", "serviceCode", "phoneNumber", "networkCode"] {
            guard let value = form[name]?.trimmingSpaces, !value.isEmpty else { return .failure(.missingField(name)) }
            guard value.utf8.count <= maxFieldBytes else { return .failure(.fieldTooLong(name)) }
            values[name] = value
        }
        // A `+` sent unescaped arrives as a space: `MSISDN(parsing:)` reads the digits either way, and a leading
        // space is what is left of the `+`.
        guard let phone = values["phoneNumber"], let msisdn = try? MSISDN(parsing: phone) else {
            return .failure(.invalidPhoneNumber)
        }
        return .success(
            Hop(
                sessionID: values["sessionId"]!, serviceCode: values["serviceCode"]!, msisdn: msisdn,
                networkCode: values["networkCode"]!, text: form["text"] ?? ""))
    }
}

extension String {
    var trimmingSpaces: String {
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
