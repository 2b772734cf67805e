import Foundation

/// How an ``SMSReceiver`` reaches the SMSC and which number it receives for.
public struct SMSReceiverConfiguration: Hashable, Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int
    /// The account the SMSC simulator keeps for handsets (``SMSCConfiguration/handsetSystemID``).
    public var systemID: String = "handset"
    public var password: String = "handset"
    /// The handset's MSISDN: sent as `address_range`, which the simulator routes by.
    public var msisdn: String

    public init(host: String = "127.0.0.1", port: Int, msisdn: String, systemID: String = "handset", password: String = "handset") {
        self.host = host
        self.port = port
        self.msisdn = SubscriberLine.normalize(msisdn)
        self.systemID = systemID
        self.password = password
    }

    /// Reads `HOST:PORT`, as `pesagate run` writes it to `<data>/smsc.address`.
    public static func parseAddress(_ text: String) -> (host: String, port: Int)? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = trimmed.lastIndex(of: ":"), let port = Int(trimmed[trimmed.index(after: colon)...]),
              (1...65_535).contains(port) else { return nil }
        let host = String(trimmed[..<colon])
        return host.isEmpty ? nil : (host, port)
    }
}
