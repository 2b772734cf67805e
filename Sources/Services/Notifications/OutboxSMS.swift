import Foundation
import GRDB

/// One row of the SMS outbox: a confirmation text for one recipient of one transaction, and what
/// became of it. The text is stored as sent, so a resend after a crash is byte-identical.
public struct OutboxSMS: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "sms"

    public var id: Int64
    public var transactionId: String
    public var role: SMSRecipientRole
    public var msisdn: String
    public var language: SMSLanguage
    public var text: String
    public var state: SMSState
    /// Times handed to the ESME (a throttle or lost link inside the ESME does not count here).
    public var attempts: Int
    /// Times it was sent again because the process stopped before the SMSC answered: the only way
    /// a subscriber may get a duplicate, so it is counted.
    public var resends: Int
    /// Milliseconds since 1970.
    public var createdAt: Int64
    public var expiresAt: Int64
    public var submittedAt: Int64?
    public var finishedAt: Int64?
    public var lastError: String?
    /// The W3C trace of the confirmation, carried on to the delivery event.
    public var traceparent: String?
    public var eventPublished: Bool

    /// The reference given to the ESME, which comes back with every part and receipt.
    public var reference: String { Self.reference(transactionId: transactionId, role: role) }

    static func reference(transactionId: String, role: SMSRecipientRole) -> String {
        "\(transactionId):\(role.rawValue)"
    }

    /// Splits a reference back into (transaction id, role).
    static func parse(reference: String) -> (transactionId: String, role: SMSRecipientRole)? {
        guard let colon = reference.lastIndex(of: ":"),
              let role = SMSRecipientRole(rawValue: String(reference[reference.index(after: colon)...]))
        else { return nil }
        return (String(reference[..<colon]), role)
    }
}

/// One accepted part of an outbox SMS: the SMSC's message id and the receipt it got.
public struct OutboxSMSPart: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "sms_part"

    public var smsId: Int64
    public var partNumber: Int
    public var totalParts: Int
    public var messageId: String
    /// The receipt's `stat:` word (`DELIVRD`, `UNDELIV`, …); nil until a receipt arrived.
    public var receiptState: String?
    public var errorCode: String?
    public var receiptAt: Int64?

    /// Read by column, like ``OutboxSMS/init(row:)``.
    public init(row: Row) {
        smsId = row["smsId"]
        partNumber = row["partNumber"]
        totalParts = row["totalParts"]
        messageId = row["messageId"]
        receiptState = row["receiptState"]
        errorCode = row["errorCode"]
        receiptAt = row["receiptAt"]
    }
}

extension Date {
    /// Whole milliseconds since 1970, as the outbox stores times.
    var outboxMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    init(outboxMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(outboxMilliseconds) / 1000)
    }
}
