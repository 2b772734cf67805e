import SMPP

/// One message of the `--messages` file.
struct InteropMessage: Codable, Sendable {
    var reference: String
    var to: String
    var text: String
    /// Alphanumeric sender (TON 5); `MPESA` when absent, as the gateway sends.
    var source: String?

    var outgoing: OutgoingSMS {
        OutgoingSMS(reference: reference, to: to, text: text, source: .alphanumeric(source ?? "MPESA"), registeredDelivery: true)
    }
}
