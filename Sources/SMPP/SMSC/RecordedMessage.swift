/// One complete message as the SMSC simulator saw it, written as a JSON line so tests and the
/// bench can check exactly what arrived (text after reassembly, addressing, alphabet, parts).
public struct RecordedMessage: Codable, Hashable, Sendable {
    public var source: String
    public var sourceTON: UInt8
    public var sourceNPI: UInt8
    public var destination: String
    public var destinationTON: UInt8
    public var destinationNPI: UInt8
    public var dataCoding: UInt8
    public var text: String
    /// How many PDUs carried it (1 for a message sent whole or in one `message_payload`).
    public var parts: Int
    /// The ids the SMSC gave those PDUs, in part order.
    public var messageIDs: [String]
    /// The ESME account that submitted it.
    public var systemID: String

    public init(
        source: Address, destination: Address, dataCoding: DataCoding, text: String,
        parts: Int, messageIDs: [String], systemID: String
    ) {
        self.source = source.address
        sourceTON = source.ton.rawValue
        sourceNPI = source.npi.rawValue
        self.destination = destination.address
        destinationTON = destination.ton.rawValue
        destinationNPI = destination.npi.rawValue
        self.dataCoding = dataCoding.rawValue
        self.text = text
        self.parts = parts
        self.messageIDs = messageIDs
        self.systemID = systemID
    }
}
