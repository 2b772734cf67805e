import SMPP

/// The request line that hands one benchmark message to Kannel's smsbox.
///
/// Kannel 1.4.5 takes sendsms parameters only from the query string (a form-encoded POST is
/// refused with "Invalid content-type"), so every field is percent-encoded into the URI. The
/// `dlr-url` is itself a URL inside a parameter: it is encoded once here, and Kannel fills in its
/// `%d` (the receipt's type) when it calls back. The text goes as UTF-8 (`charset`), in the same
/// alphabet our ESME picks for it (`coding`), so both sides send the same message.
enum KannelSendSMS {
    /// Final receipts only: 1 delivered + 2 undelivered (Kannel's dlr-mask bits).
    static let finalReceipts = 3

    /// `/cgi-bin/sendsms?username=…&dlr-url=…`; the callback carries `ref` (the transaction id unless
    /// given). Kannel expands every `%` escape it finds in a dlr-url, so `reference` must need no
    /// percent-encoding (letters, digits, `-`, `.`, `_`, `~`): ours are `w10-TXN-…`.
    static func uri(for message: SMPPBenchMessage, reference: String? = nil, config: KannelConfig, callbackPort: Int,
                    sender: String = "MPESA") -> String {
        let ref = reference ?? message.transactionId.value
        let callback = "http://127.0.0.1:\(callbackPort)\(DLRCallback.path)?ref=\(encode(ref))&type=%d"
        let fields = [
            ("username", config.sendsmsUser), ("password", config.sendsmsPassword), ("from", sender),
            ("to", message.msisdn.value), ("text", message.text), ("charset", "UTF-8"),
            ("dlr-mask", String(finalReceipts)), ("dlr-url", callback),
        ] + (coding(for: message.text).map { [("coding", String($0))] } ?? [])
        return KannelConfig.sendsmsPath + "?" + fields.map { "\($0)=\(encode($1))" }.joined(separator: "&")
    }

    /// Kannel's `coding` for `text`: 2 (UCS-2) when our encoder sends it as UCS-2, else nil
    /// (Kannel's default, the GSM 7-bit alphabet).
    static func coding(for text: String) -> Int? {
        (try? SMSEncoder().encode(text, reference: 0).dataCoding) == .ucs2 ? 2 : nil
    }

    /// RFC 3986 percent-encoding of everything but the unreserved characters, so `&`, `=`, `%`,
    /// `+` and spaces in a text or URL cannot be read as separators.
    static func encode(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count * 3 / 2)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0x0F)]
            }
        }
        return out
    }

    private static let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
}
