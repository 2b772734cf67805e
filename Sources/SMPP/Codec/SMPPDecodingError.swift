/// Why bytes from the peer are not a valid SMPP 3.4 PDU.
///
/// Names the problem, and the command and sequence number when the header got that far, so the
/// session can answer with a `generic_nack` or an error response carrying the right
/// `sequence_number` (see ``responseStatus`` and ``framingIntact``).
public struct SMPPDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        /// `command_length` below the 16-octet header.
        case commandLengthTooShort(UInt32)
        /// `command_length` above the decoder's cap; refused before reading the body.
        case commandLengthOverLimit(UInt32, limit: Int)
        /// A `command_id` that SMPP 3.4 does not define (or that we do not support).
        case unknownCommandID(UInt32)
        /// The body ended inside a field.
        case truncated(field: String)
        /// A C-Octet String with no NUL before the end of the body.
        case missingCStringTerminator(field: String)
        /// A C-Octet String longer than the spec allows (`maxLength` counts the NUL).
        case cStringTooLong(field: String, maxLength: Int)
        /// Bytes left after the last field of a body that takes no (more) TLVs.
        case leftoverBytes(count: Int)
        /// A TLV whose length runs past the end of the body.
        case tlvRunsPastEnd(tag: UInt16)
        /// A known TLV with a length its definition does not allow.
        case invalidTLVLength(tag: UInt16, length: Int)
    }

    public var problem: Problem
    /// The raw `command_id`, when the header was read.
    public var commandID: UInt32?
    /// The `sequence_number`, when the header was read.
    public var sequenceNumber: UInt32?

    public init(_ problem: Problem, commandID: UInt32? = nil, sequenceNumber: UInt32? = nil) {
        self.problem = problem
        self.commandID = commandID
        self.sequenceNumber = sequenceNumber
    }

    /// True when the bad PDU was consumed whole, so the next PDU starts where expected and the
    /// session may answer and go on; false for a broken `command_length`, after which the
    /// stream cannot be trusted and the connection should be closed.
    public var framingIntact: Bool {
        switch problem {
        case .commandLengthTooShort, .commandLengthOverLimit: false
        default: true
        }
    }

    /// The `command_status` to answer with (in a `generic_nack` or the request's response).
    public var responseStatus: CommandStatus {
        switch problem {
        case .commandLengthTooShort, .commandLengthOverLimit, .truncated, .leftoverBytes:
            .invalidCommandLength
        case .unknownCommandID:
            .invalidCommandID
        case .tlvRunsPastEnd:
            .invalidOptionalParameterStream
        case .invalidTLVLength:
            .invalidParameterLength
        case .missingCStringTerminator(let field), .cStringTooLong(let field, _):
            Self.status(forField: field)
        }
    }

    public var description: String {
        var text = "SMPP decoding error: \(problemDescription)"
        if let commandID {
            let name = CommandID(rawValue: commandID)?.name ?? "0x" + String(commandID, radix: 16)
            text += " in \(name)"
        }
        if let sequenceNumber { text += " (sequence_number \(sequenceNumber))" }
        return text
    }

    private var problemDescription: String {
        switch problem {
        case .commandLengthTooShort(let length): "command_length \(length) is shorter than the 16-octet header"
        case .commandLengthOverLimit(let length, let limit): "command_length \(length) is over the limit of \(limit)"
        case .unknownCommandID(let id): "unknown command_id 0x\(String(id, radix: 16))"
        case .truncated(let field): "body ends inside \(field)"
        case .missingCStringTerminator(let field): "\(field) has no NUL terminator"
        case .cStringTooLong(let field, let max): "\(field) is longer than \(max) octets including NUL"
        case .leftoverBytes(let count): "\(count) unexpected octets after the last field"
        case .tlvRunsPastEnd(let tag): "TLV 0x\(String(tag, radix: 16)) runs past the end of the PDU"
        case .invalidTLVLength(let tag, let length): "TLV 0x\(String(tag, radix: 16)) has invalid length \(length)"
        }
    }

    private static func status(forField field: String) -> CommandStatus {
        switch field {
        case "system_id": .invalidSystemID
        case "password": .invalidPassword
        case "system_type": .invalidSystemType
        case "service_type": .invalidServiceType
        case "source_addr": .invalidSourceAddress
        case "destination_addr": .invalidDestinationAddress
        case "message_id": .invalidMessageID
        case "schedule_delivery_time": .invalidScheduledDeliveryTime
        case "validity_period": .invalidValidityPeriod
        default: .invalidCommandLength
        }
    }
}
