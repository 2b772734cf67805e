/// A Kenyan mobile subscriber number in international form without `+`: `2547XXXXXXXX` or `2541XXXXXXXX`.
///
/// Numbers arrive in every shape people and gateways write them: `0712345678`, `712345678`,
/// `+254712345678`, `254712345678`, with spaces or dashes, and from form-encoded USSD callbacks as
/// ` 254712345678` (an unescaped `+` decodes to a space). Normalising once, at the edge, means every
/// Kafka key, ledger account and SMS address is the same string for the same subscriber; partitioning
/// `payment-requests` by `fromMsisdn` only orders a customer's payments if the key is canonical.
///
/// Codable as the normalised string; decoding runs the same parser, so a record cannot smuggle in an
/// invalid number.
public struct MSISDN: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Kenya's country calling code.
    public static let countryCode = "254"

    /// The normalised 12-digit number, e.g. `254712345678`.
    public let value: String

    /// Parses and normalises `text`, or throws the reason it is not a Kenyan mobile number.
    public init(parsing text: String) throws(MSISDNError) {
        var body = text.trimmingWhitespace()
        guard !body.isEmpty else { throw .empty }
        var international = false
        if body.hasPrefix("+") {
            international = true
            body.removeFirst()
        }
        body.removeAll { $0 == " " || $0 == "-" }
        guard !body.isEmpty else { throw .empty }
        guard body.allSatisfy(\.isASCIIDigit) else { throw .nonDigits }
        if body.hasPrefix("00") {
            // International dialling prefix, as in 00254712345678.
            international = true
            body.removeFirst(2)
        }
        let national: Substring
        if international {
            guard body.hasPrefix(MSISDN.countryCode) else { throw .wrongCountryCode }
            guard body.count == 12 else { throw .wrongLength }
            national = body.dropFirst(3)
        } else {
            switch body.count {
            case 12:
                guard body.hasPrefix(MSISDN.countryCode) else { throw .wrongCountryCode }
                national = body.dropFirst(3)
            case 10:
                guard body.hasPrefix("0") else { throw .wrongLength }
                national = body.dropFirst()
            case 9:
                // A trunk 0 here means a local number with a digit missing, not a 9-digit national one.
                guard !body.hasPrefix("0") else { throw .wrongLength }
                national = Substring(body)
            default:
                throw .wrongLength
            }
        }
        // Safaricom, Airtel and Telkom mobile numbers start 7 or 1; 2 is Nairobi landline, and the
        // other leading digits are geographic or service ranges that cannot hold a wallet.
        guard national.first == "7" || national.first == "1" else { throw .notMobileRange }
        self.value = MSISDN.countryCode + national
    }

    public var description: String { value }

    /// The 9-digit national significant number, e.g. `712345678`.
    public var nationalNumber: String { String(value.dropFirst(3)) }

    /// The number as a local subscriber dials it, e.g. `0712345678`.
    public var localForm: String { "0" + nationalNumber }

    public static func < (lhs: MSISDN, rhs: MSISDN) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "invalid MSISDN \"\(text)\": \(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
