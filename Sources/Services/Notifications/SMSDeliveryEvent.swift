import Foundation
import Payments

/// What became of one confirmation SMS, published on `audit-trail` keyed by its ``eventId``.
///
/// The fields the audit trail reads from every record (`eventId`, `transactionId`, `eventType`,
/// `timestamp`, `service`, `detail`) have the names and formats of ``AuditEvent``, so an archive that
/// decodes audit events reads this one too. No MSISDN: the transaction and the role name the
/// recipient, and `audit-trail` must not hold a raw number.
public struct SMSDeliveryEvent: Sendable, Hashable, Codable {
    public let eventId: String
    public let transactionId: TransactionID
    /// `SMS_DELIVERED`, `SMS_FAILED` or `SMS_EXPIRED`.
    public let eventType: AuditEventType
    public let recipientRole: SMSRecipientRole
    public let state: SMSState
    /// The SMSC's message id of each part, in part order (empty when nothing was accepted).
    public let messageIds: [String]
    public let attempts: Int
    /// Resends after a restart (see ``OutboxSMS/resends``).
    public let resends: Int
    public let submittedAt: Date?
    /// When the final state was reached.
    public let timestamp: Date
    public let service: String
    public let detail: String?

    public init(
        transactionId: TransactionID, recipientRole: SMSRecipientRole, state: SMSState, messageIds: [String],
        attempts: Int, resends: Int, submittedAt: Date?, timestamp: Date, detail: String? = nil,
        service: String = "sms-gateway"
    ) {
        eventId = Self.eventID(transactionId, state: state, role: recipientRole)
        self.transactionId = transactionId
        eventType = Self.eventType(for: state)
        self.recipientRole = recipientRole
        self.state = state
        self.messageIds = messageIds
        self.attempts = attempts
        self.resends = resends
        self.submittedAt = submittedAt
        self.timestamp = timestamp
        self.service = service
        self.detail = detail
    }

    /// `TXN-20240902-001:sms-delivered:sender`: one key per final state and recipient, the same
    /// when re-published after a crash, so the compacted topic keeps one record.
    public static func eventID(_ transactionId: TransactionID, state: SMSState, role: SMSRecipientRole) -> String {
        "\(transactionId.value):sms-\(state.rawValue):\(role.rawValue)"
    }

    static func eventType(for state: SMSState) -> AuditEventType {
        state == .delivered ? .smsDelivered : AuditEventType(rawValue: "SMS_\(state.rawValue.uppercased())")
    }
}
