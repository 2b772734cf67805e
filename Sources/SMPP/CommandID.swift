/// SMPP 3.4 `command_id` values (spec §5.1.2.1). Responses are their request with bit 31 set.
///
/// An enum rather than an open struct: an id we do not know cannot be decoded into a body, so
/// the frame decoder turns it into ``SMPPDecodingError`` (and the peer gets a `generic_nack`
/// with `ESME_RINVCMDID`).
public enum CommandID: UInt32, Sendable, Hashable, CaseIterable {
    case genericNack = 0x8000_0000
    case bindReceiver = 0x0000_0001
    case bindReceiverResp = 0x8000_0001
    case bindTransmitter = 0x0000_0002
    case bindTransmitterResp = 0x8000_0002
    case querySM = 0x0000_0003
    case querySMResp = 0x8000_0003
    case submitSM = 0x0000_0004
    case submitSMResp = 0x8000_0004
    case deliverSM = 0x0000_0005
    case deliverSMResp = 0x8000_0005
    case unbind = 0x0000_0006
    case unbindResp = 0x8000_0006
    case bindTransceiver = 0x0000_0009
    case bindTransceiverResp = 0x8000_0009
    case outbind = 0x0000_000B
    case enquireLink = 0x0000_0015
    case enquireLinkResp = 0x8000_0015
    case dataSM = 0x0000_0103
    case dataSMResp = 0x8000_0103

    /// Bit 31 marks a response; `generic_nack` is one too.
    public var isResponse: Bool { rawValue & 0x8000_0000 != 0 }

    /// The response id that answers this request, nil for responses and `outbind` (which has none).
    public var responseID: CommandID? {
        guard !isResponse, self != .outbind else { return nil }
        return CommandID(rawValue: rawValue | 0x8000_0000)
    }

    /// The spec's name, for logs and error messages.
    public var name: String {
        switch self {
        case .genericNack: "generic_nack"
        case .bindReceiver: "bind_receiver"
        case .bindReceiverResp: "bind_receiver_resp"
        case .bindTransmitter: "bind_transmitter"
        case .bindTransmitterResp: "bind_transmitter_resp"
        case .querySM: "query_sm"
        case .querySMResp: "query_sm_resp"
        case .submitSM: "submit_sm"
        case .submitSMResp: "submit_sm_resp"
        case .deliverSM: "deliver_sm"
        case .deliverSMResp: "deliver_sm_resp"
        case .unbind: "unbind"
        case .unbindResp: "unbind_resp"
        case .bindTransceiver: "bind_transceiver"
        case .bindTransceiverResp: "bind_transceiver_resp"
        case .outbind: "outbind"
        case .enquireLink: "enquire_link"
        case .enquireLinkResp: "enquire_link_resp"
        case .dataSM: "data_sm"
        case .dataSMResp: "data_sm_resp"
        }
    }
}
