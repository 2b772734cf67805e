/// The seed's step 3c: core's answer to a request (RESERVED or FAILED), published to `core-processing`.
///
/// Also used for core's acknowledgement of a RELEASE (`coreStatus` `RELEASED`). The completion after an
/// EXECUTE has its own shape, ``CoreCompletion``; ``CoreProcessingRecord`` tells them apart.
public struct CoreResult: Sendable, Hashable, Codable {
    public let eventId: String
    public let transactionId: TransactionID
    public let coreStatus: CoreStatus
    public let reservationId: String?
    public let coreTransactionId: String?
    /// Milliseconds from the request's arrival to this answer.
    public let processingTime: Int64?
    /// Why core failed (see ``ReasonCode``); an extra field.
    public let reasonCode: String?

    public init(
        transactionId: TransactionID, coreStatus: CoreStatus, reservationId: String? = nil,
        coreTransactionId: String? = nil, processingTime: Int64? = nil, reasonCode: String? = nil,
        eventId: String? = nil
    ) {
        self.eventId = eventId ?? CoreResult.eventID(transactionId, coreStatus)
        self.transactionId = transactionId
        self.coreStatus = coreStatus
        self.reservationId = reservationId
        self.coreTransactionId = coreTransactionId
        self.processingTime = processingTime
        self.reasonCode = reasonCode
    }

    /// A release acknowledgement is a step of its own; every other status answers the request.
    static func eventID(_ id: TransactionID, _ status: CoreStatus) -> String {
        status == .released ? EventID.coreRelease(id) : EventID.coreReserve(id)
    }

    enum CodingKeys: String, CodingKey {
        case eventId, transactionId, coreStatus, reservationId, coreTransactionId, processingTime, reasonCode
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            transactionId: try c.decode(TransactionID.self, forKey: .transactionId),
            coreStatus: try c.decode(CoreStatus.self, forKey: .coreStatus),
            reservationId: try c.decodeIfPresent(String.self, forKey: .reservationId),
            coreTransactionId: try c.decodeIfPresent(String.self, forKey: .coreTransactionId),
            processingTime: try c.decodeIfPresent(Int64.self, forKey: .processingTime),
            reasonCode: try c.decodeIfPresent(String.self, forKey: .reasonCode),
            eventId: try c.decodeIfPresent(String.self, forKey: .eventId))
    }
}
