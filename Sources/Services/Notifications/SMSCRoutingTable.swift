/// Which SMSC links may carry a message to a number, best first: a pure table, so routing and
/// failover are decided without any network.
///
/// Links whose prefixes match the number come first, longest prefix first; links with no prefixes
/// (catch-alls) follow; ties keep the configured order. A number no link claims gets no route.
public struct SMSCRoutingTable: Sendable, Hashable {
    /// Per link, in configured order: its name and prefixes.
    public let links: [Link]

    public struct Link: Sendable, Hashable {
        public var name: String
        public var prefixes: [String]
        public init(name: String, prefixes: [String]) {
            self.name = name
            self.prefixes = prefixes
        }
    }

    public init(links: [Link]) throws(SMSCRoutingError) {
        guard !links.isEmpty else { throw .noLinks }
        var seen = Set<String>()
        for link in links {
            guard !link.name.isEmpty else { throw .unnamedLink }
            guard seen.insert(link.name).inserted else { throw .duplicateName(link.name) }
            if let bad = link.prefixes.first(where: { $0.isEmpty || !$0.allSatisfy(\.isNumber) }) {
                throw .badPrefix(link: link.name, prefix: bad)
            }
        }
        self.links = links
    }

    /// One link that serves every number (a single-SMSC set-up); nothing to check.
    init(catchAll name: String) {
        links = [Link(name: name, prefixes: [])]
    }

    /// Indexes into ``links`` that may carry a message to `msisdn`, best first.
    public func candidates(for msisdn: String) -> [Int] {
        var ranked: [(index: Int, length: Int)] = []
        for (index, link) in links.enumerated() {
            if link.prefixes.isEmpty {
                ranked.append((index, 0))
            } else if let longest = link.prefixes.filter({ msisdn.hasPrefix($0) }).map(\.count).max() {
                ranked.append((index, longest))
            }
        }
        // Stable: equal prefix lengths keep the configured order.
        return ranked.enumerated()
            .sorted { ($0.element.length, -$0.offset) > ($1.element.length, -$1.offset) }
            .map(\.element.index)
    }

    /// The link to use now: the best candidate that is up, else the best candidate (its queue waits
    /// for the link to come back). Nil when no link serves the number.
    public func route(for msisdn: String, isUp: (Int) -> Bool) -> Int? {
        let candidates = candidates(for: msisdn)
        return candidates.first(where: isUp) ?? candidates.first
    }
}

/// A routing table that cannot work, refused at start.
public enum SMSCRoutingError: Error, Hashable, Sendable, CustomStringConvertible {
    case noLinks
    case unnamedLink
    case duplicateName(String)
    case badPrefix(link: String, prefix: String)
    case noRoute(msisdn: String)

    public var description: String {
        switch self {
        case .noLinks: "no SMSC link is configured"
        case .unnamedLink: "an SMSC link has no name"
        case .duplicateName(let name): "two SMSC links are named \(name)"
        case .badPrefix(let link, let prefix): "SMSC link \(link): prefix \"\(prefix)\" is not a string of digits"
        case .noRoute(let msisdn): "no SMSC link serves \(msisdn)"
        }
    }
}
