/// SMPP's relative `validity_period` (`YYMMDDhhmmss000R`, spec §7.1.1), so the SMSC also drops a
/// message once the outbox's age limit has passed instead of delivering it days later.
enum SMSValidityPeriod {
    /// `remaining` seconds as a relative time, at least 1 s and at most 99 days.
    static func relative(seconds remaining: Int64) -> String {
        var rest = min(max(remaining, 1), 99 * 86_400)
        let days = rest / 86_400
        rest %= 86_400
        let fields = [0, 0, days, rest / 3600, rest % 3600 / 60, rest % 60]
        return fields.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined() + "000R"
    }
}
