import Foundation

/// Dates and times as M-PESA prints them in SMS: `2/9/24` (`d/M/yy`) and `2:30 PM` (`h:mm a`).
///
/// Built from calendar components rather than a `DateFormatter`, because the text is a contract and a
/// formatter follows the host's locale (`PM` becomes `p.m.` or `nachm.`), while the time zone is the one
/// thing that must change: Nairobi for subscribers, UTC for the seed's example.
struct SMSClockFormat: Sendable {
    let calendar: Calendar

    init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// `d/M/yy`: day and month without leading zeros, two-digit year.
    func date(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let year = (parts.year ?? 0) % 100
        return "\(parts.day ?? 0)/\(parts.month ?? 0)/\(year < 10 ? "0" : "")\(year)"
    }

    /// `h:mm a`: 12-hour clock without a leading zero, seconds dropped (not rounded), `AM`/`PM`.
    func time(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        return "\(twelve):\(minute < 10 ? "0" : "")\(minute) \(hour < 12 ? "AM" : "PM")"
    }
}

extension TimeZone {
    /// East Africa Time. Falls back to a fixed UTC+3 when the host lacks tzdata: Kenya has had no
    /// daylight saving time since 1960, so the offset is exact.
    public static let nairobi: TimeZone = TimeZone(identifier: "Africa/Nairobi") ?? TimeZone(secondsFromGMT: 3 * 3600)!
}
