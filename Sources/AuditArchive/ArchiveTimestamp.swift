import Foundation
import Payments

/// An event time as the archive stores, orders and hashes it: whole milliseconds since the epoch, and
/// the fixed-width UTC text `2024-09-02T14:30:00.250Z`.
///
/// Producers may write `14:30:00Z`, `14:30:00.25Z` or `17:30:00+03:00` for the same instant; the
/// verbatim JSON keeps what they wrote, while this one form makes text order equal time order (the
/// timeline sorts on it) and gives the hash chain a single spelling per instant.
struct ArchiveTimestamp: Hashable, Comparable, Sendable {
    let milliseconds: Int64

    /// 1970-01-01T00:00:00Z up to 9999-01-01T00:00:00Z: the range of ``ArchiveMonth/years``.
    private static let range: Range<Int64> = 0..<253_370_764_800_000

    init?(milliseconds: Int64) {
        guard Self.range.contains(milliseconds) else { return nil }
        self.milliseconds = milliseconds
    }

    /// Parses an ISO-8601 time the way every PesaGate consumer does (``EventCoding/parseTimestamp(_:)``:
    /// fractional seconds and offsets allowed), rounded to the millisecond.
    init?(parsing text: String) {
        guard let date = EventCoding.parseTimestamp(text) else { return nil }
        self.init(date: date)
    }

    init?(date: Date) {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds.isFinite, Double(Self.range.lowerBound) <= milliseconds,
            milliseconds < Double(Self.range.upperBound)
        else { return nil }
        self.init(milliseconds: Int64(milliseconds))
    }

    var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// The month table the event belongs to.
    var month: ArchiveMonth {
        let c = components
        return ArchiveMonth(year: c.year!, month: c.month!)!
    }

    /// `2024-09-02T14:30:00.250Z`, always with three fraction digits.
    var text: String {
        let c = components
        let pad = ArchiveMonth.pad
        return "\(pad(c.year!, 4))-\(pad(c.month!, 2))-\(pad(c.day!, 2))T"
            + "\(pad(c.hour!, 2)):\(pad(c.minute!, 2)):\(pad(c.second!, 2)).\(pad(Int(milliseconds % 1000), 3))Z"
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// Calendar fields of the whole second (exact in binary floating point, unlike the milliseconds).
    private var components: DateComponents {
        ArchiveMonth.calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second],
            from: Date(timeIntervalSince1970: Double(milliseconds / 1000)))
    }
}
