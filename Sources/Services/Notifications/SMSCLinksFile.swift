import Foundation
import SMPP
import Yams

/// Reads the SMSC links file (`smpp.linksFile`, YAML): several links with their own credentials,
/// window, rate, SMSC dialect and the number prefixes they serve, plus how soon a link that stays
/// down fails over. See `config/smsc-links.example.yaml`.
///
/// Every mistake is refused at start with `file:line` and what to fix: an unknown key (a typo would
/// otherwise silently fall back to a default), a bad address, a value out of range. Passwords may
/// come from an environment variable (`passwordEnv`) so the file can be shared without its secrets.
public struct SMSCLinksFile: Sendable {
    public var links: [SMSCLinkConfiguration]
    public var failoverAfter: Duration

    /// What a link that does not say gets: the `smpp.*` settings.
    public struct Defaults: Sendable {
        public var systemID: String
        public var password: String
        public var window: Int
        public init(systemID: String, password: String, window: Int) {
            self.systemID = systemID
            self.password = password
            self.window = window
        }
    }

    static let linkKeys: Set<String> = [
        "name", "smsc", "systemId", "password", "passwordEnv", "systemType", "window", "partsPerSecond",
        "prefixes", "messageIdBase", "concatenation", "packing", "unicode", "enquireLinkSeconds",
        "responseTimeoutSeconds", "throttlePauseMs",
    ]

    public static func load(path: String, defaults: Defaults, environment: [String: String]) throws(SMSCLinksFileError) -> SMSCLinksFile {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SMSCLinksFileError(path: path, line: 0, reason: "cannot be read")
        }
        return try parse(text, path: path, defaults: defaults, environment: environment)
    }

    public static func parse(
        _ text: String, path: String, defaults: Defaults, environment: [String: String]
    ) throws(SMSCLinksFileError) -> SMSCLinksFile {
        let fail = { (node: Node?, reason: String) in SMSCLinksFileError(path: path, line: node?.mark?.line ?? 0, reason: reason) }
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else { throw fail(nil, "is empty") }
            root = composed
        } catch let error as SMSCLinksFileError {
            throw error
        } catch {
            throw fail(nil, "is not valid YAML: \(error)")
        }
        guard let top = root.mapping else { throw fail(root, "expected a mapping with `links:`") }
        var failoverAfter = Duration.seconds(5)
        var linkNodes: Node.Sequence?
        for (key, value) in top {
            switch key.string {
            case "failoverAfterSeconds":
                guard let seconds = value.float, seconds > 0, seconds <= 3600 else { throw fail(value, "failoverAfterSeconds must be a number of seconds in (0, 3600]") }
                failoverAfter = .milliseconds(Int(seconds * 1000))
            case "links":
                guard let sequence = value.sequence, !sequence.isEmpty else { throw fail(value, "links must be a non-empty list") }
                linkNodes = sequence
            default:
                throw fail(key, "unknown key '\(key.string ?? "?")' (expected links, failoverAfterSeconds)")
            }
        }
        guard let linkNodes else { throw fail(root, "no `links:` list") }
        var links: [SMSCLinkConfiguration] = []
        for node in linkNodes {
            links.append(try link(node, defaults: defaults, environment: environment, fail: fail))
        }
        do {
            _ = try SMSCRoutingTable(links: links.map { .init(name: $0.name, prefixes: $0.prefixes) })
        } catch {
            throw fail(linkNodes.first, "\(error)")
        }
        return SMSCLinksFile(links: links, failoverAfter: failoverAfter)
    }

    private static func link(
        _ node: Node, defaults: Defaults, environment: [String: String], fail: (Node?, String) -> SMSCLinksFileError
    ) throws(SMSCLinksFileError) -> SMSCLinkConfiguration {
        guard let mapping = node.mapping else { throw fail(node, "each link must be a mapping") }
        for (key, _) in mapping where !linkKeys.contains(key.string ?? "") {
            throw fail(key, "unknown link key '\(key.string ?? "?")' (expected one of \(linkKeys.sorted().joined(separator: ", ")))")
        }
        func string(_ key: String) -> (String, Node)? {
            mapping[key].flatMap { value in value.string.map { ($0, value) } }
        }
        func number(_ key: String, in range: ClosedRange<Double>) throws(SMSCLinksFileError) -> Double? {
            guard let value = mapping[key] else { return nil }
            guard let number = value.float, range.contains(number) else {
                throw fail(value, "\(key) must be a number in \(range.lowerBound)...\(range.upperBound)")
            }
            return number
        }
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(SMSCLinksFileError) -> T? where T.RawValue == String {
            guard let (raw, value) = string(key) else { return nil }
            guard let parsed = T(rawValue: raw) else {
                throw fail(value, "\(key) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return parsed
        }

        guard let (name, _) = string("name"), !name.isEmpty else { throw fail(node, "a link needs a name") }
        guard let (address, addressNode) = string("smsc") else { throw fail(node, "link \(name) needs smsc: HOST:PORT") }
        guard let (host, port) = SMSCLinkConfiguration.address(address) else {
            throw fail(addressNode, "link \(name): smsc must be HOST:PORT, got \(address)")
        }
        var password = defaults.password
        if let (variable, variableNode) = string("passwordEnv") {
            guard let value = environment[variable] else { throw fail(variableNode, "link \(name): environment variable \(variable) is not set") }
            password = value
        } else if let (value, _) = string("password") {
            password = value
        }
        var esme = ESMEConfiguration(host: host, port: port, systemID: string("systemId")?.0 ?? defaults.systemID, password: password)
        esme.systemType = string("systemType")?.0 ?? ""
        esme.windowSize = try number("window", in: 1...10_000).map { Int($0) } ?? defaults.window
        esme.partsPerSecond = try number("partsPerSecond", in: 0.1...1_000_000)
        if let seconds = try number("enquireLinkSeconds", in: 1...3600) { esme.enquireLinkInterval = .milliseconds(Int(seconds * 1000)) }
        if let seconds = try number("responseTimeoutSeconds", in: 0.1...600) { esme.responseTimeout = .milliseconds(Int(seconds * 1000)) }
        if let ms = try number("throttlePauseMs", in: 1...600_000) { esme.throttlePause = .milliseconds(Int(ms)) }
        if let base = try choice("messageIdBase", MessageID.Base.self) { esme.messageIDBase = base }
        if let method = try choice("concatenation", SMSEncoder.Concatenation.self) { esme.encoder.concatenation = method }
        if let packing = try choice("packing", SMSEncoder.GSMPacking.self) { esme.encoder.packing = packing }
        if let policy = try choice("unicode", SMSEncoder.UnicodePolicy.self) { esme.encoder.unicodePolicy = policy }
        var prefixes: [String] = []
        if let value = mapping["prefixes"] {
            guard let list = value.sequence else { throw fail(value, "link \(name): prefixes must be a list of digit strings") }
            for item in list {
                guard let prefix = item.string, !prefix.isEmpty, prefix.allSatisfy(\.isASCII), prefix.allSatisfy(\.isNumber) else {
                    throw fail(item, "link \(name): prefix must be digits, e.g. \"25471\" (quote it)")
                }
                prefixes.append(prefix)
            }
        }
        return SMSCLinkConfiguration(name: name, esme: esme, prefixes: prefixes)
    }
}

/// Why the SMSC links file cannot be used, with where.
public struct SMSCLinksFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String
    public var description: String { "\(path):\(line): \(reason)" }
}
