import Foundation

/// One calendar month in UTC: the unit of partitioning (one table each) and of retention (dropped whole).
///
/// Months are taken from the event's own timestamp, not from when the archive received it, so a
/// regulator's "all of September 2024" is one table however late the events arrived.
struct ArchiveMonth: Hashable, Comparable, Sendable {
    let year: Int
    let month: Int

    /// The archive accepts event times from 1970 to 9998: four-digit years (this month's and the next
    /// one's, the table's upper bound) keep table names and the fixed-width time text ordered, and
    /// anything older than the epoch is not a real audit event.
    static let years = 1970...9998

    init?(year: Int, month: Int) {
        guard Self.years.contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses a month table name, `audit_2024_09`; nil for any other name, so that a name read back
    /// from the catalog is only ever spliced into SQL after it proved to be one of ours.
    init?(tableName: String) {
        let parts = tableName.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "audit", parts[1].count == 4, parts[2].count == 2,
            parts[1].allSatisfy(\.isASCIIDigit), parts[2].allSatisfy(\.isASCIIDigit),
            let year = Int(parts[1]), let month = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `audit_2024_09`.
    var tableName: String { "audit_\(Self.pad(year, 4))_\(Self.pad(month, 2))" }

    /// The table name quoted for SQL.
    var quotedTable: String { "\"\(tableName)\"" }

    /// `2024-09`: the prefix every event time of the month starts with.
    var prefix: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))" }

    /// The month after this one (December rolls into January).
    var nextYearMonth: (year: Int, month: Int) { month == 12 ? (year + 1, 1) : (year, month + 1) }

    /// Midnight UTC on the 1st: the inclusive lower bound of the month.
    var start: Date { Self.firstOfMonth(year: year, month: month) }

    /// Midnight UTC on the 1st of the next month: the exclusive upper bound.
    var end: Date {
        let next = nextYearMonth
        return Self.firstOfMonth(year: next.year, month: next.month)
    }

    /// The exclusive upper bound as the time prefix it compares against (`2024-10`).
    var endPrefix: String {
        let next = nextYearMonth
        return "\(Self.pad(next.year, 4))-\(Self.pad(next.month, 2))"
    }

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// Gregorian in UTC: the only calendar the archive uses, so the host's zone cannot move an event.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func firstOfMonth(year: Int, month: Int) -> Date {
        calendar.date(from: DateComponents(year: year, month: month, day: 1))!
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
