import Foundation

/// Gregorian calendar arithmetic in UTC without `Calendar` or formatters.
///
/// Event times and transaction-id dates are contracts (`2024-09-02T14:30:00Z`, `20240902`); computing
/// them from the epoch keeps them independent of the host's locale and time zone, and fast.
enum UTCCalendar {
    struct Components: Equatable {
        var year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int
    }

    /// The UTC calendar fields of `date`, truncated to whole seconds.
    static func components(_ date: Date) -> Components {
        let interval = date.timeIntervalSince1970
        let seconds = interval.isFinite ? Int64(max(min(interval.rounded(.down), 2.5e14), -2.5e14)) : 0
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        // Days-to-civil conversion (proleptic Gregorian), counting eras of 400 years from 0000-03-01.
        let z = days + 719_468
        let (era, _) = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Components(
            year: year, month: month, day: day,
            hour: Int(secondOfDay / 3_600), minute: Int(secondOfDay % 3_600 / 60), second: Int(secondOfDay % 60))
    }

    /// `YYYYMMDD` of `date` in UTC, as in the seed's transaction ids.
    static func compactDate(_ date: Date) -> String {
        let c = components(date)
        return pad(c.year, 4) + pad(Int64(c.month), 2) + pad(Int64(c.day), 2)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of `date`, as in the seed's event times.
    static func iso8601(_ date: Date) -> String {
        let c = components(date)
        return pad(c.year, 4) + "-" + pad(Int64(c.month), 2) + "-" + pad(Int64(c.day), 2) + "T"
            + pad(Int64(c.hour), 2) + ":" + pad(Int64(c.minute), 2) + ":" + pad(Int64(c.second), 2) + "Z"
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = a >= 0 ? a / b : (a - b + 1) / b
        return (quotient, a - quotient * b)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }
}
