import NIOCore

/// Reads one bound link: responses go to the engine, receipts are answered at once (the window
/// limits only what we send, never what we answer), the SMSC's own requests are served.
struct ESMEReader: Sendable {
    let engine: ESMEEngine
    let outbound: NIOAsyncChannelOutboundWriter<SMPPMessage>

    /// Returns when the SMSC unbinds or closes the connection.
    func read(_ frames: inout NIOAsyncChannelInboundStream<SMPPInboundFrame>.AsyncIterator) async throws {
        while let frame = try await frames.next() {
            let message: SMPPMessage
            switch frame {
            case .message(let decoded):
                message = decoded
            case .malformed(let error):
                let nack = SMPPMessage(sequenceNumber: error.sequenceNumber ?? 0, status: error.responseStatus, pdu: .genericNack)
                try await outbound.write(nack)
                guard error.framingIntact else { return }
                continue
            }
            let sequence = message.sequenceNumber
            switch message.pdu {
            case .submitSMResp(let response):
                await engine.response(sequenceNumber: sequence, status: message.status, messageID: response.messageID)
            case .dataSMResp(let response):
                await engine.response(sequenceNumber: sequence, status: message.status, messageID: response.messageID)
            case .genericNack:
                await engine.genericNack(sequenceNumber: sequence, status: message.status)
            case .deliverSM(let deliver):
                try await outbound.write(SMPPMessage(sequenceNumber: sequence, pdu: .deliverSMResp(DeliverSMResponse())))
                await engine.incoming(deliver)
            case .dataSM:
                try await outbound.write(SMPPMessage(sequenceNumber: sequence, pdu: .dataSMResp(DataSMResponse(messageID: ""))))
            case .enquireLink:
                try await outbound.write(SMPPMessage(sequenceNumber: sequence, pdu: .enquireLinkResp))
            case .enquireLinkResp:
                await engine.enquireLinkAnswered(sequenceNumber: sequence)
            case .unbind:
                try await outbound.write(SMPPMessage(sequenceNumber: sequence, pdu: .unbindResp))
                return
            case .unbindResp:
                return
            default:
                if !message.commandID.isResponse {
                    try await outbound.write(SMPPMessage(sequenceNumber: sequence, status: .invalidCommandID, pdu: .genericNack))
                }
            }
        }
    }
}
