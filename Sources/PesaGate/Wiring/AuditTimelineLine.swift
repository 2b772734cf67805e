import AuditArchive
import Foundation
import Ledger

/// One line of `pesagate audit TXN`: when, what, which service, who (token, or the number when the key
/// holder asked for it) and the details the event recorded.
struct AuditTimelineLine {
    let text: String

    init(_ entry: ArchivedEntry, tokenizer: MSISDNTokenizer?) {
        let fields = (try? JSONSerialization.jsonObject(with: Data(entry.json.utf8))) as? [String: Any] ?? [:]
        let time = entry.timestamp.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        var parts = [time, entry.eventType.padding(toLength: 16, withPad: " ", startingAt: 0),
                     (entry.service ?? "-").padding(toLength: 22, withPad: " ", startingAt: 0)]
        if let party = Self.party(fields, tokenizer: tokenizer) { parts.append(party) }
        if let previous = fields["previousBalance"], let new = fields["newBalance"] { parts.append("balance \(previous) -> \(new)") }
        if let detail = fields["detail"] as? String, !detail.isEmpty { parts.append(detail) }
        if let role = fields["recipientRole"] as? String { parts.append("to \(role)") }
        if let ids = fields["messageIds"] as? [String], !ids.isEmpty { parts.append("message id \(ids.joined(separator: ","))") }
        text = parts.joined(separator: "  ")
    }

    /// The steps of a payment in the order they happen. Events carry the seed's whole-second
    /// timestamps, so several steps often share a second; within one, this order tells the story.
    static let lifecycle = [
        "REQUESTED", "FRAUD_RESULT", "REVENUE_RESULT", "CORE_RESERVED", "DECISION", "EXECUTED", "BALANCE_DEBITED",
        "BALANCE_CREDITED", "RELEASED", "CONFIRMED", "DEAD_LETTERED", "SMS_SUBMITTED", "SMS_DELIVERED", "SMS_FAILED",
        "SMS_EXPIRED",
    ]

    /// `entries` by time, then by ``lifecycle`` position, then as archived.
    static func lifecycleOrder(_ entries: [ArchivedEntry]) -> [ArchivedEntry] {
        func rank(_ type: String) -> Int { lifecycle.firstIndex(of: type) ?? lifecycle.count }
        return entries.enumerated().sorted { a, b in
            if a.element.timestamp != b.element.timestamp { return a.element.timestamp < b.element.timestamp }
            if rank(a.element.eventType) != rank(b.element.eventType) { return rank(a.element.eventType) < rank(b.element.eventType) }
            return a.offset < b.offset
        }.map(\.element)
    }

    private static func party(_ fields: [String: Any], tokenizer: MSISDNTokenizer?) -> String? {
        guard let token = fields["msisdn"] as? String else { return nil }
        if let tokenizer, let sealed = fields["msisdnSealed"] as? String, let number = tokenizer.open(sealed) {
            return number.value
        }
        guard token.hasPrefix("tok:") else { return token }  // business accounts are named openly
        return String(token.prefix(20)) + "…"
    }
}
