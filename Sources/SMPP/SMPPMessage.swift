import NIOCore

/// One SMPP PDU as it travels: the header's status and sequence number around a ``PDU``.
/// `command_length` and `command_id` are derived, so they can never disagree with the body.
public struct SMPPMessage: Hashable, Sendable {
    /// Octets in the SMPP header: command_length, command_id, command_status, sequence_number.
    public static let headerLength = 16

    /// Matches a response to its request (1...0x7FFFFFFF by the spec).
    public var sequenceNumber: UInt32
    /// Zero in requests; the outcome in responses.
    public var status: CommandStatus
    public var pdu: PDU

    public init(sequenceNumber: UInt32, status: CommandStatus = .ok, pdu: PDU) {
        self.sequenceNumber = sequenceNumber
        self.status = status
        self.pdu = pdu
    }

    public var commandID: CommandID { pdu.commandID }

    /// Writes header and body; `command_length` is filled in once the body is written.
    public func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        let start = buffer.writerIndex
        buffer.writeInteger(UInt32(0), endianness: .big)  // command_length, patched below
        buffer.writeInteger(commandID.rawValue, endianness: .big)
        buffer.writeInteger(status.rawValue, endianness: .big)
        buffer.writeInteger(sequenceNumber, endianness: .big)
        do {
            try pdu.encodeBody(status: status, into: &buffer)
        } catch {
            buffer.moveWriterIndex(to: start)
            throw error
        }
        let length = buffer.writerIndex - start
        buffer.setInteger(UInt32(length), at: start, endianness: .big)
    }

    /// Decodes one complete PDU. `frame` must hold exactly `command_length` octets, header
    /// included, with the length already checked (``SMPPFrameDecoder`` does both).
    static func decode(frame: inout ByteBuffer) throws(SMPPDecodingError) -> SMPPMessage {
        guard let length = frame.readInteger(endianness: .big, as: UInt32.self),
              let rawID = frame.readInteger(endianness: .big, as: UInt32.self),
              let rawStatus = frame.readInteger(endianness: .big, as: UInt32.self),
              let sequenceNumber = frame.readInteger(endianness: .big, as: UInt32.self)
        else {
            throw SMPPDecodingError(.truncated(field: "header"))
        }
        guard Int(length) == frame.readableBytes + headerLength else {
            throw SMPPDecodingError(.truncated(field: "body"), commandID: rawID, sequenceNumber: sequenceNumber)
        }
        guard let commandID = CommandID(rawValue: rawID) else {
            throw SMPPDecodingError(.unknownCommandID(rawID), commandID: rawID, sequenceNumber: sequenceNumber)
        }
        let status = CommandStatus(rawStatus)
        do {
            let pdu = try PDU.decode(commandID: commandID, status: status, body: &frame)
            return SMPPMessage(sequenceNumber: sequenceNumber, status: status, pdu: pdu)
        } catch {
            var located = error
            located.commandID = rawID
            located.sequenceNumber = sequenceNumber
            throw located
        }
    }
}
