import SMPP

/// The receiver's answers to what the SMSC sends, without I/O: acknowledge each part, join the
/// parts of long messages, keep the link alive, and leave on `unbind`.
struct ReceiverSession {
    struct Step {
        var reply: SMPPMessage?
        var delivered: ReceivedSMS?
        var close = false
    }

    let msisdn: String
    private var reassembler = SMSReassembler<String>()
    private let decoder = SMSDecoder()

    init(msisdn: String) {
        self.msisdn = msisdn
    }

    mutating func receive(_ message: SMPPMessage) -> Step {
        switch message.pdu {
        case .deliverSM(let deliver):
            var step = Step()
            do {
                let content = try decoder.decode(deliver)
                if let text = try reassembler.add(content, key: deliver.source.address) {
                    step.delivered = ReceivedSMS(from: deliver.source.address, text: text)
                }
                step.reply = SMPPMessage(sequenceNumber: message.sequenceNumber, pdu: .deliverSMResp(DeliverSMResponse()))
            } catch {
                // A part the phone cannot read is refused, so the SMSC reports it undeliverable.
                step.reply = SMPPMessage(
                    sequenceNumber: message.sequenceNumber, status: .systemError, pdu: .deliverSMResp(DeliverSMResponse()))
            }
            return step
        case .enquireLink:
            return Step(reply: SMPPMessage(sequenceNumber: message.sequenceNumber, pdu: .enquireLinkResp))
        case .unbind:
            return Step(reply: SMPPMessage(sequenceNumber: message.sequenceNumber, pdu: .unbindResp), close: true)
        default:
            return Step()
        }
    }
}
