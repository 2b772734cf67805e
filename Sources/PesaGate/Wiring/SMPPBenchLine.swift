import Foundation

/// One window's result of `pesagate bench smpp` and how it is printed: ours, Kannel's, the ratio.
struct SMPPBenchLine: Sendable, Hashable {
    var window: Int
    var ours: SMPPRate
    /// Nil when Kannel was not run.
    var kannel: SMPPRate?

    /// Ours over Kannel's messages/s.
    var ratio: Double? {
        guard let kannel, kannel.perSecond > 0 else { return nil }
        return ours.perSecond / kannel.perSecond
    }

    var text: String {
        var line = "  window \(Self.padded(String(window), 4)): ours \(Self.padded(Self.grouped(ours.perSecond), 7)) msg/s"
            + String(format: " (%@ in %.2f s)", Self.grouped(Double(ours.messages)), ours.seconds)
        if let kannel {
            line += "   Kannel \(Self.padded(Self.grouped(kannel.perSecond), 7)) msg/s" + String(format: " (%.2f s)", kannel.seconds)
        } else {
            line += "   Kannel       - msg/s"
        }
        if let ratio { line += String(format: "   ratio %.2fx", ratio) }
        return line
    }

    /// The goal lines: >= 30,000 msg/s at the best window, and >= 3x Kannel at every window.
    /// `kannelSkipped` is the reason Kannel did not run, if it did not.
    static func goals(_ lines: [SMPPBenchLine], kannelSkipped: String?) -> [String] {
        guard let best = lines.max(by: { $0.ours.perSecond < $1.ours.perSecond }) else { return [] }
        let speedMet = best.ours.perSecond >= 30_000
        var goals = ["  >= 30,000 msg/s: \(speedMet ? "met" : "NOT met") (best \(grouped(best.ours.perSecond)) msg/s at window \(best.window))"]
        let ratios = lines.compactMap { line in line.ratio.map { (line.window, $0) } }
        if let reason = kannelSkipped {
            goals.append("  >= 3x Kannel: not measured (\(reason))")
        } else if let lowest = ratios.min(by: { $0.1 < $1.1 }), ratios.count == lines.count {
            let met = lowest.1 >= 3
            goals.append(String(format: "  >= 3x Kannel: %@ (lowest ratio %.2fx at window %d)", met ? "met" : "NOT met", lowest.1, lowest.0))
        } else {
            goals.append("  >= 3x Kannel: NOT met (Kannel figure missing for a window)")
        }
        return goals
    }

    /// Right-aligns `text` in `width` characters, so the columns line up.
    static func padded(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// `31234.6` as `31,235`: figures operators read at a glance.
    static func grouped(_ value: Double) -> String {
        let digits = Array(String(Int(value.rounded())))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0, digits[index - 1] != "-" { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
