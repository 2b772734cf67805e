/// Rebuilds whole messages from the parts the simulator accepts, remembering each part's
/// message id, so a recording shows the text exactly as the subscriber would read it.
struct SMSCAssembler: Sendable {
    private struct Key: Hashable, Sendable {
        var systemID: String
        var source: String
        var destination: String
    }

    private var reassembler = SMSReassembler<Key>()
    /// Message ids of the parts seen so far, by key and concatenation reference.
    private var partIDs: [String: [UInt8: String]] = [:]
    private let decoder = SMSDecoder()

    /// Adds one part; returns the record when it completed a message.
    mutating func add(_ content: DeliverSM, messageID: String, systemID: String) throws(SMSCodingError) -> RecordedMessage? {
        let decoded = try decoder.decode(content)
        let key = Key(systemID: systemID, source: content.source.address, destination: content.destination.address)
        var ids = [messageID]
        if let segment = decoded.segment {
            let idKey = "\(key.systemID)|\(key.source)|\(key.destination)|\(segment.reference)"
            partIDs[idKey, default: [:]][segment.number] = messageID
            guard let text = try reassembler.add(decoded, key: key) else { return nil }
            ids = (partIDs.removeValue(forKey: idKey) ?? [:]).sorted { $0.key < $1.key }.map(\.value)
            return RecordedMessage(
                source: content.source, destination: content.destination, dataCoding: content.dataCoding,
                text: text, parts: Int(segment.total), messageIDs: ids, systemID: systemID
            )
        }
        guard let text = try reassembler.add(decoded, key: key) else { return nil }
        return RecordedMessage(
            source: content.source, destination: content.destination, dataCoding: content.dataCoding,
            text: text, parts: 1, messageIDs: ids, systemID: systemID
        )
    }
}
