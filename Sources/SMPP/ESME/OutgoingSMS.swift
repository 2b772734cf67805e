/// One SMS to send: addressing, text and the caller's reference (e.g. transaction and recipient),
/// which comes back with every part and receipt.
public struct OutgoingSMS: Hashable, Sendable {
    public var reference: String
    /// `MPESA`, alphanumeric (TON 5) by default.
    public var source: Address
    /// An international MSISDN (TON 1, NPI 1).
    public var destination: Address
    public var text: String
    /// Ask the SMSC for a delivery receipt.
    public var registeredDelivery: Bool
    /// `validity_period` as SMPP writes it (relative `…R` or absolute); empty for the SMSC default.
    public var validityPeriod: String

    public init(
        reference: String, to msisdn: String, text: String,
        source: Address = .alphanumeric("MPESA"), registeredDelivery: Bool = true, validityPeriod: String = ""
    ) {
        self.reference = reference
        self.source = source
        self.destination = .international(msisdn)
        self.text = text
        self.registeredDelivery = registeredDelivery
        self.validityPeriod = validityPeriod
    }
}

/// One part the SMSC accepted, with the id its receipt will quote.
public struct SubmittedPart: Hashable, Sendable {
    public var reference: String
    /// 1-based position and count of the parts of the message.
    public var partNumber: Int
    public var totalParts: Int
    public var messageID: String
    /// How many times it was sent (more than 1 after a throttle or a lost link).
    public var attempts: Int

    public init(reference: String, partNumber: Int, totalParts: Int, messageID: String, attempts: Int) {
        self.reference = reference
        self.partNumber = partNumber
        self.totalParts = totalParts
        self.messageID = messageID
        self.attempts = attempts
    }
}

/// A delivery receipt matched to the part it reports on.
public struct ReceiptEvent: Hashable, Sendable {
    public var part: SubmittedPart
    public var receipt: DeliveryReceipt

    public init(part: SubmittedPart, receipt: DeliveryReceipt) {
        self.part = part
        self.receipt = receipt
    }
}

/// Why a submit or a link failed.
public enum ESMEError: Error, Hashable, Sendable {
    /// The SMSC refused a part for good (e.g. `ESME_RINVDSTADR`); retrying would repeat it.
    case rejected(CommandStatus, partNumber: Int)
    /// The SMSC answered the request with `generic_nack`.
    case genericNack(sequenceNumber: UInt32, status: CommandStatus)
    /// A temporary error came back more often than ``ESMEConfiguration/maxTemporaryAttempts``.
    case tooManyAttempts(CommandStatus, partNumber: Int)
    /// The bind was refused (wrong password, unknown system_id, …).
    case bindFailed(CommandStatus)
    /// No response within ``ESMEConfiguration/responseTimeout``.
    case timedOut
    /// The text cannot be encoded.
    case encoding(SMSCodingError)
    /// The client was shut down before the message went out.
    case closed
    /// Taken back, unsent, from a link that stayed down, to go over another link
    /// (``ESMEClient/withdrawUnaccepted()``).
    case withdrawn
}
