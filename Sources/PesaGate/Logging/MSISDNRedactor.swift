import Foundation

/// Masks subscriber numbers in log text, whatever wrote them: `254700123456`, `+254700123456` and
/// `0700123456` all become `2547******56`: masks that keep the last two digits for correlation.
///
/// Services log transaction ids, not numbers, but an error description or a third-party library can
/// still carry one; this last line of defence keeps raw MSISDNs out of every log line.
struct MSISDNRedactor: Sendable {
    /// Kenyan mobile numbers in international (254 7/1 + 8 digits) or local (07/01 + 8 digits) form,
    /// not embedded in a longer run of digits.
    private static let pattern = #"(?<![0-9])(?:\+?254|0)([71])[0-9]{6}([0-9]{2})(?![0-9])"#
    private let expression: NSRegularExpression

    init() {
        // The pattern is a literal checked by the tests; it cannot fail to compile.
        expression = try! NSRegularExpression(pattern: Self.pattern)
    }

    func redact(_ text: String) -> String {
        guard text.utf8.count >= 10, text.contains(where: \.isNumber) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        guard expression.firstMatch(in: text, range: range) != nil else { return text }
        return expression.stringByReplacingMatches(in: text, range: range, withTemplate: "254$1******$2")
    }
}
