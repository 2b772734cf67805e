import Foundation
import GRDB
import SMPP

/// What the ESME tells the outbox about an accepted part; a plain value so the outbox does not
/// depend on how the ESME names its types.
public struct SubmittedPartRecord: Sendable, Hashable {
    public var partNumber: Int
    public var totalParts: Int
    public var messageID: String

    public init(partNumber: Int, totalParts: Int, messageID: String) {
        self.partNumber = partNumber
        self.totalParts = totalParts
        self.messageID = messageID
    }

    public init(_ part: SubmittedPart) {
        self.init(partNumber: part.partNumber, totalParts: part.totalParts, messageID: part.messageID)
    }
}

extension SMSOutbox {
    /// Records a delivery receipt for one part (even before its acceptance was recorded) and
    /// finishes the row when every part has a final receipt: `delivered` when all were delivered,
    /// `expired` when one expired, `failed` otherwise. Returns true when the row became final.
    @discardableResult
    public func recordReceipt(_ event: ReceiptEvent, now: Date) async throws -> Bool {
        try await recordReceipts([event], now: now) == 1
    }

    /// Records several receipts in one transaction (one fsync for all: receipts arrive as fast as
    /// messages go out, and a commit per receipt would cap the link at the disk's sync rate).
    /// Returns how many rows became final.
    @discardableResult
    public func recordReceipts(_ events: [ReceiptEvent], now: Date) async throws -> Int {
        guard !events.isEmpty else { return 0 }
        return try await writer.write { db in
            var finished = 0
            for event in events {
                guard let (transactionId, role) = OutboxSMS.parse(reference: event.part.reference),
                      let id = try Int64.fetchOne(
                          db.cachedStatement(sql: "SELECT id FROM sms WHERE transactionId = ? AND role = ?"),
                          arguments: [transactionId, role.rawValue])
                else { continue }
                try db.cachedStatement(sql: """
                    INSERT INTO sms_part (smsId, partNumber, totalParts, messageId, receiptState, errorCode, receiptAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (smsId, partNumber) DO UPDATE SET receiptState = excluded.receiptState,
                      errorCode = excluded.errorCode, receiptAt = excluded.receiptAt
                    """).execute(arguments: [
                        id, event.part.partNumber, event.part.totalParts, event.part.messageID,
                        event.receipt.state.receiptStat, event.receipt.error, now.outboxMilliseconds,
                    ])
                if try Self.finishIfComplete(db, id: id, now: now) { finished += 1 }
            }
            return finished
        }
    }

    /// The accepted parts still waiting for a final receipt, by the link that accepted them (nil for
    /// rows that name none), so a restarted ESME matches receipts for messages sent before the stop.
    public func awaitingReceipts() async throws -> [String?: [SubmittedPart]] {
        try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT sms.transactionId, sms.role, sms.link, sms.attempts, p.partNumber, p.totalParts, p.messageId
                FROM sms JOIN sms_part p ON p.smsId = sms.id
                WHERE sms.state = 'submitted' AND (p.receiptState IS NULL OR p.receiptState NOT IN (\(Self.finalReceiptStats)))
                """)
            var parts: [String?: [SubmittedPart]] = [:]
            for row in rows {
                guard let role = SMSRecipientRole(rawValue: row["role"]) else { continue }
                let link: String? = row["link"]
                parts[link, default: []].append(SubmittedPart(
                    reference: OutboxSMS.reference(transactionId: row["transactionId"], role: role),
                    partNumber: row["partNumber"], totalParts: row["totalParts"], messageID: row["messageId"],
                    attempts: row["attempts"]))
            }
            return parts
        }
    }

    /// The `stat` words of final receipts (every state but ENROUTE), as an SQL list.
    static var finalReceiptStats: String {
        (UInt8(2)...8).map { "'\(MessageState(rawValue: $0).receiptStat)'" }.joined(separator: ",")
    }

    /// Moves a `submitted` row to its final state once every part has a final receipt.
    /// One aggregate over the row's parts (this runs for every receipt, at the rate messages go out).
    @discardableResult
    static func finishIfComplete(_ db: Database, id: Int64, now: Date) throws -> Bool {
        guard let tally = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) AS parts, MAX(totalParts) AS total,
                   SUM(receiptState IS NOT NULL AND receiptState <> 'ENROUTE') AS final,
                   SUM(receiptState IN ('DELIVRD', 'ACCEPTD')) AS delivered,
                   SUM(receiptState = 'DELIVRD') AS strictlyDelivered,
                   SUM(receiptState = 'EXPIRED') AS expired
            FROM sms_part WHERE smsId = ?
            """), arguments: [id]) else { return false }
        let parts: Int = tally["parts"]
        guard parts > 0, let total = tally["total"] as Int?, parts == total, tally["final"] as Int? == total else { return false }
        let final: SMSState
        if tally["delivered"] as Int? == total {
            final = .delivered
        } else if (tally["expired"] as Int? ?? 0) > 0 {
            final = .expired
        } else {
            final = .failed
        }
        var failure: String?
        if tally["strictlyDelivered"] as Int? != total, let part = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT receiptState, errorCode FROM sms_part WHERE smsId = ? AND receiptState <> 'DELIVRD' ORDER BY partNumber LIMIT 1
            """), arguments: [id]) {
            failure = "receipt \(part["receiptState"] as String? ?? "?") err \(part["errorCode"] as String? ?? "?")"
        }
        try db.cachedStatement(sql: """
            UPDATE sms SET state = ?, finishedAt = ?, lastError = COALESCE(?, lastError) WHERE id = ? AND state = 'submitted'
            """).execute(arguments: [final.rawValue, now.outboxMilliseconds, failure, id])
        return db.changesCount > 0
    }
}
