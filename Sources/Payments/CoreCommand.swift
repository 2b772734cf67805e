import Foundation

/// The orchestrator's instruction to core, EXECUTE or RELEASE a reservation, published to `core-processing`
/// keyed by `transactionId`.
///
/// The seed lets core read only `payment-requests` and `core-processing`, so commands travel on the latter.
/// They carry a `command` field and never a `coreStatus`, which is how every consumer of the topic tells
/// them from results (``CoreProcessingRecord``).
public struct CoreCommand: Sendable, Hashable, Codable {
    public let eventId: String
    public let command: CoreCommandKind
    public let transactionId: TransactionID
    /// The reservation to execute or release, when the orchestrator has seen it. A RELEASE may come
    /// before core's RESERVED (or before the request), so it can be absent.
    public let reservationId: String?
    public let issuedAt: Date
    /// Why a RELEASE was issued (see ``ReasonCode``).
    public let reason: String?

    public init(
        command: CoreCommandKind, transactionId: TransactionID, reservationId: String? = nil,
        issuedAt: Date, reason: String? = nil, eventId: String? = nil
    ) {
        self.eventId = eventId ?? EventID.command(transactionId, command)
        self.command = command
        self.transactionId = transactionId
        self.reservationId = reservationId
        self.issuedAt = issuedAt
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case eventId, command, transactionId, reservationId, issuedAt, reason
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            command: try c.decode(CoreCommandKind.self, forKey: .command),
            transactionId: try c.decode(TransactionID.self, forKey: .transactionId),
            reservationId: try c.decodeIfPresent(String.self, forKey: .reservationId),
            issuedAt: try c.decode(Date.self, forKey: .issuedAt),
            reason: try c.decodeIfPresent(String.self, forKey: .reason),
            eventId: try c.decodeIfPresent(String.self, forKey: .eventId))
    }
}
