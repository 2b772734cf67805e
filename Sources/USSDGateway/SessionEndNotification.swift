import Foundation

/// The aggregator's end-of-session call (`POST /ussd/events`). `input` holds PINs until redacted.
public struct SessionEndNotification: Sendable, Hashable {
    public var sessionID: String
    public var status: String
    public var durationInMillis: Int?
    public var hopsCount: Int?
    public var input: String
    public var phoneNumber: String?
    public var errorMessage: String?

    public init(
        sessionID: String, status: String, durationInMillis: Int? = nil, hopsCount: Int? = nil, input: String = "",
        phoneNumber: String? = nil, errorMessage: String? = nil
    ) {
        self.sessionID = sessionID
        self.status = status
        self.durationInMillis = durationInMillis
        self.hopsCount = hopsCount
        self.input = input
        self.phoneNumber = phoneNumber
        self.errorMessage = errorMessage
    }

    /// Reads the form; only `sessionId` is required (a notification without status is still worth freeing).
    static func parse(_ form: FormBody) -> Result<SessionEndNotification, HopRejection> {
        guard let id = form["sessionId"]?.trimmingSpaces, !id.isEmpty else { return .failure(.missingField("sessionId")) }
        guard id.utf8.count <= Hop.maxFieldBytes else { return .failure(.fieldTooLong("sessionId")) }
        return .success(
            SessionEndNotification(
                sessionID: id, status: form["status"].map { String($0.prefix(32)) } ?? "Unknown",
                durationInMillis: form["durationInMillis"].flatMap { Int($0) },
                hopsCount: form["hopsCount"].flatMap { Int($0) }, input: form["input"] ?? "",
                phoneNumber: form["phoneNumber"].map { String($0.prefix(20)) },
                errorMessage: form["errorMessage"].map { String($0.prefix(200)) }))
    }

    func record(redactedInput: String, at time: Date) -> SessionEndRecord {
        SessionEndRecord(
            sessionID: sessionID, status: status, durationInMillis: durationInMillis, hopsCount: hopsCount,
            redactedInput: redactedInput, phoneNumber: phoneNumber, errorMessage: errorMessage, recordedAt: time)
    }
}
