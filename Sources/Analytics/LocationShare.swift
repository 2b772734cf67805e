/// One bar of the geographic distribution.
public struct LocationShare: Sendable, Hashable, Codable {
    /// The request's `location`, upper-cased; `unknown` when the request had none (USSD carries none),
    /// `other` for everything outside the top N.
    public let location: String
    public let count: Int
    /// Share of the window's requests, in percent.
    public let percent: Double

    public init(location: String, count: Int, percent: Double) {
        self.location = location
        self.count = count
        self.percent = percent
    }

    /// The label of requests without a location.
    public static let unknown = "unknown"
    /// The label of everything outside the top N.
    public static let other = "other"
}
