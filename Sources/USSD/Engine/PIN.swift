/// A PIN in transit from the subscriber's input to the adapter's verifier.
///
/// Every way Swift prints a value (`description`, `debugDescription`, `dump`/`Mirror`, string interpolation)
/// shows `****`, so a PIN inside an effect, a step or a dialogue cannot reach a log by accident. The digits
/// are only handed out through `withDigits`, whose name makes each use easy to find in review.
public struct PIN: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let digits: String

    public init(_ digits: String) { self.digits = digits }

    /// Runs `body` with the digits (to hash them against the stored verifier). Do not keep them.
    public func withDigits<Result>(_ body: (String) throws -> Result) rethrows -> Result {
        try body(digits)
    }

    public var description: String { "****" }
    public var debugDescription: String { "PIN(****)" }
    public var customMirror: Mirror { Mirror(self, children: ["digits": "****"], displayStyle: .struct) }
}
