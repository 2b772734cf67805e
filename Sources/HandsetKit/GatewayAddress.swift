/// Where the USSD gateway listens, read from a URL such as `http://127.0.0.1:8080/ussd`.
///
/// Only plain `http` is spoken: the handset talks to a gateway on loopback or in a test lab, where
/// the aggregator's TLS would add nothing but a dependency.
public struct GatewayAddress: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// Path of the USSD callback, e.g. `/ussd`.
    public var path: String

    public init(host: String, port: Int, path: String) {
        self.host = host
        self.port = port
        self.path = path
    }

    /// Parses `http://HOST[:PORT][/PATH]`; nil for anything else.
    public init?(url: String) {
        guard url.hasPrefix("http://") else { return nil }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        guard !authority.isEmpty else { return nil }
        if let colon = authority.lastIndex(of: ":") {
            guard let port = Int(authority[authority.index(after: colon)...]), (1...65_535).contains(port) else { return nil }
            host = String(authority[..<colon])
            self.port = port
        } else {
            host = String(authority)
            port = 80
        }
        guard !host.isEmpty else { return nil }
        self.path = path.isEmpty ? "/" : String(path)
    }

    /// The end-of-session callback sits next to the USSD one: `/ussd` → `/ussd/events`.
    public var eventsPath: String {
        path.hasSuffix("/") ? path + "events" : path + "/events"
    }

    public var description: String { "http://\(host):\(port)\(path)" }
}
