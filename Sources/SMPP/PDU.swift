import NIOCore

/// Every SMPP 3.4 operation PesaGate speaks, each with its body; the header's other fields
/// (status, sequence number) live in ``SMPPMessage``.
public enum PDU: Hashable, Sendable {
    case bindTransmitter(BindRequest)
    case bindTransmitterResp(BindResponse)
    case bindReceiver(BindRequest)
    case bindReceiverResp(BindResponse)
    case bindTransceiver(BindRequest)
    case bindTransceiverResp(BindResponse)
    case outbind(Outbind)
    case unbind
    case unbindResp
    case submitSM(SubmitSM)
    case submitSMResp(SubmitSMResponse)
    case deliverSM(DeliverSM)
    case deliverSMResp(DeliverSMResponse)
    case dataSM(DataSM)
    case dataSMResp(DataSMResponse)
    case querySM(QuerySM)
    case querySMResp(QuerySMResponse)
    case enquireLink
    case enquireLinkResp
    case genericNack

    public var commandID: CommandID {
        switch self {
        case .bindTransmitter: .bindTransmitter
        case .bindTransmitterResp: .bindTransmitterResp
        case .bindReceiver: .bindReceiver
        case .bindReceiverResp: .bindReceiverResp
        case .bindTransceiver: .bindTransceiver
        case .bindTransceiverResp: .bindTransceiverResp
        case .outbind: .outbind
        case .unbind: .unbind
        case .unbindResp: .unbindResp
        case .submitSM: .submitSM
        case .submitSMResp: .submitSMResp
        case .deliverSM: .deliverSM
        case .deliverSMResp: .deliverSMResp
        case .dataSM: .dataSM
        case .dataSMResp: .dataSMResp
        case .querySM: .querySM
        case .querySMResp: .querySMResp
        case .enquireLink: .enquireLink
        case .enquireLinkResp: .enquireLinkResp
        case .genericNack: .genericNack
        }
    }

    /// Decodes the body of a PDU whose header has been read; `body` holds exactly the body.
    ///
    /// An error response may come without a body (the spec says `submit_sm_resp` has none when
    /// `command_status` is non-zero, and SMSCs do the same for others); that decodes as empty fields.
    static func decode(
        commandID: CommandID,
        status: CommandStatus,
        body: inout ByteBuffer
    ) throws(SMPPDecodingError) -> PDU {
        if commandID.isResponse, !status.isOK, body.readableBytes == 0 {
            return emptyErrorResponse(for: commandID)
        }
        switch commandID {
        case .bindTransmitter: return .bindTransmitter(try .decode(from: &body))
        case .bindTransmitterResp: return .bindTransmitterResp(try .decode(from: &body))
        case .bindReceiver: return .bindReceiver(try .decode(from: &body))
        case .bindReceiverResp: return .bindReceiverResp(try .decode(from: &body))
        case .bindTransceiver: return .bindTransceiver(try .decode(from: &body))
        case .bindTransceiverResp: return .bindTransceiverResp(try .decode(from: &body))
        case .outbind: return .outbind(try .decode(from: &body))
        case .submitSM: return .submitSM(try .decode(from: &body))
        case .submitSMResp: return .submitSMResp(try .decode(from: &body))
        case .deliverSM: return .deliverSM(try .decode(from: &body))
        case .deliverSMResp: return .deliverSMResp(try .decode(from: &body))
        case .dataSM: return .dataSM(try .decode(from: &body))
        case .dataSMResp: return .dataSMResp(try .decode(from: &body))
        case .querySM: return .querySM(try .decode(from: &body))
        case .querySMResp: return .querySMResp(try .decode(from: &body))
        case .unbind, .unbindResp, .enquireLink, .enquireLinkResp, .genericNack:
            // Header-only PDUs: any body at all is a framing error.
            try body.expectFullyRead()
            return headerOnly(commandID)
        }
    }

    /// Writes the body (not the header).
    func encodeBody(status: CommandStatus, into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        switch self {
        case .bindTransmitter(let body), .bindReceiver(let body), .bindTransceiver(let body):
            try body.encode(into: &buffer)
        case .bindTransmitterResp(let body), .bindReceiverResp(let body), .bindTransceiverResp(let body):
            try body.encode(into: &buffer)
        case .outbind(let body): try body.encode(into: &buffer)
        case .submitSM(let body): try body.encode(into: &buffer)
        case .submitSMResp(let body):
            // Spec §4.4.2: "not returned if the command_status field contains a non-zero value".
            if status.isOK { try body.encode(into: &buffer) }
        case .deliverSM(let body): try body.encode(into: &buffer)
        case .deliverSMResp(let body): try body.encode(into: &buffer)
        case .dataSM(let body): try body.encode(into: &buffer)
        case .dataSMResp(let body): try body.encode(into: &buffer)
        case .querySM(let body): try body.encode(into: &buffer)
        case .querySMResp(let body): try body.encode(into: &buffer)
        case .unbind, .unbindResp, .enquireLink, .enquireLinkResp, .genericNack:
            break
        }
    }

    private static func headerOnly(_ commandID: CommandID) -> PDU {
        switch commandID {
        case .unbind: .unbind
        case .unbindResp: .unbindResp
        case .enquireLink: .enquireLink
        case .enquireLinkResp: .enquireLinkResp
        default: .genericNack
        }
    }

    private static func emptyErrorResponse(for commandID: CommandID) -> PDU {
        switch commandID {
        case .bindTransmitterResp: .bindTransmitterResp(BindResponse(systemID: ""))
        case .bindReceiverResp: .bindReceiverResp(BindResponse(systemID: ""))
        case .bindTransceiverResp: .bindTransceiverResp(BindResponse(systemID: ""))
        case .submitSMResp: .submitSMResp(SubmitSMResponse(messageID: ""))
        case .deliverSMResp: .deliverSMResp(DeliverSMResponse())
        case .dataSMResp: .dataSMResp(DataSMResponse(messageID: ""))
        case .querySMResp: .querySMResp(QuerySMResponse(messageID: "", messageState: .unknown))
        default: headerOnly(commandID)
        }
    }
}
