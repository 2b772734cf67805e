import Foundation
import Ledger
import Payments

/// The mini statement as the END screen shows it: one short line per posting, newest first, within the
/// `statement` variable's 150 characters.
enum StatementFormat {
    static let maxCharacters = 150

    static func lines(_ lines: [StatementLine]) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 3 * 3_600) ?? .gmt
        var shown: [String] = []
        var total = 0
        for line in lines {
            let day = calendar.dateComponents([.day, .month], from: line.time)
            let date = String(format: "%02d/%02d", day.day ?? 0, day.month ?? 0)
            let amount = line.amount.formatted.replacingOccurrences(of: "Ksh", with: "")
            var text = "\(date) \(amount)"
            if let other = line.counterparty { text += " \(other.prefix(12))" }
            guard total + text.count + (shown.isEmpty ? 0 : 1) <= maxCharacters else { break }
            total += text.count + (shown.isEmpty ? 0 : 1)
            shown.append(text)
        }
        return shown.isEmpty ? "-" : shown.joined(separator: "\n")
    }
}
