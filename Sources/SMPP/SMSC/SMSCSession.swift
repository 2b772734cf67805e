/// The SMSC's view of one connection, as a state machine that returns what to do next.
///
/// It knows the bind state and nothing else: authentication, routing and faults need the
/// shared ``SMSCCore``, so those come back as actions for the connection loop to carry out.
struct SMSCSession: Sendable {
    enum BindKind: Hashable, Sendable {
        case transmitter, receiver, transceiver

        var canSubmit: Bool { self != .receiver }
        var canReceive: Bool { self != .transmitter }

        func response(_ body: BindResponse) -> PDU {
            switch self {
            case .transmitter: .bindTransmitterResp(body)
            case .receiver: .bindReceiverResp(body)
            case .transceiver: .bindTransceiverResp(body)
            }
        }
    }

    enum State: Hashable, Sendable {
        case open
        case binding
        case bound(BindKind)
        case closed
    }

    enum Action: Sendable {
        /// Write this and keep reading.
        case reply(SMPPMessage)
        /// Ask the core whether these credentials may bind; then call ``bindFinished(_:kind:)``.
        case authenticate(BindKind, BindRequest, sequenceNumber: UInt32)
        case submit(SubmitSM, sequenceNumber: UInt32)
        case dataSM(DataSM, sequenceNumber: UInt32)
        /// A handset answered a `deliver_sm` the core forwarded.
        case deliveredToHandset(sequenceNumber: UInt32, status: CommandStatus)
        /// Write this, then close: unbind, or a stream we can no longer frame.
        case replyAndClose(SMPPMessage)
        case ignore
    }

    private(set) var state: State = .open

    mutating func receive(_ frame: SMPPInboundFrame) -> Action {
        guard state != .closed else { return .ignore }
        switch frame {
        case .malformed(let error):
            let nack = SMPPMessage(
                sequenceNumber: error.sequenceNumber ?? 0, status: error.responseStatus, pdu: .genericNack
            )
            if error.framingIntact { return .reply(nack) }
            state = .closed
            return .replyAndClose(nack)
        case .message(let message):
            return receive(message)
        }
    }

    private mutating func receive(_ message: SMPPMessage) -> Action {
        let sequence = message.sequenceNumber
        switch message.pdu {
        case .bindTransmitter(let request): return bind(.transmitter, request, sequence)
        case .bindReceiver(let request): return bind(.receiver, request, sequence)
        case .bindTransceiver(let request): return bind(.transceiver, request, sequence)
        case .enquireLink:
            return .reply(SMPPMessage(sequenceNumber: sequence, pdu: .enquireLinkResp))
        case .unbind:
            state = .closed
            return .replyAndClose(SMPPMessage(sequenceNumber: sequence, pdu: .unbindResp))
        case .submitSM(let submit):
            guard case .bound(let kind) = state, kind.canSubmit else {
                return .reply(SMPPMessage(sequenceNumber: sequence, status: .invalidBindStatus, pdu: .submitSMResp(.init(messageID: ""))))
            }
            return .submit(submit, sequenceNumber: sequence)
        case .dataSM(let data):
            guard case .bound(let kind) = state, kind.canSubmit else {
                return .reply(SMPPMessage(sequenceNumber: sequence, status: .invalidBindStatus, pdu: .dataSMResp(.init(messageID: ""))))
            }
            return .dataSM(data, sequenceNumber: sequence)
        case .deliverSMResp:
            return .deliveredToHandset(sequenceNumber: sequence, status: message.status)
        case .querySM:
            // Not simulated: the gateway tracks state through receipts.
            return .reply(SMPPMessage(sequenceNumber: sequence, status: .queryFailed, pdu: .querySMResp(.init(messageID: "", messageState: .unknown))))
        case .enquireLinkResp, .unbindResp, .genericNack, .dataSMResp:
            return .ignore
        case .outbind, .deliverSM, .bindTransmitterResp, .bindReceiverResp, .bindTransceiverResp,
             .submitSMResp, .querySMResp:
            // Only an SMSC sends these; from an ESME they are the wrong command.
            return .reply(SMPPMessage(sequenceNumber: sequence, status: .invalidCommandID, pdu: .genericNack))
        }
    }

    private mutating func bind(_ kind: BindKind, _ request: BindRequest, _ sequence: UInt32) -> Action {
        guard state == .open else {
            return .reply(SMPPMessage(sequenceNumber: sequence, status: .alreadyBound, pdu: kind.response(BindResponse(systemID: ""))))
        }
        state = .binding
        return .authenticate(kind, request, sequenceNumber: sequence)
    }

    /// The core's verdict on an ``Action/authenticate(_:_:sequenceNumber:)``.
    mutating func bindFinished(_ status: CommandStatus, kind: BindKind) {
        guard state == .binding else { return }
        state = status.isOK ? .bound(kind) : .open
    }

    mutating func closed() { state = .closed }
}
