import XCTest

@testable import SMPP

final class SMSCSessionTests: XCTestCase {
    private let bind = BindRequest(systemID: "pesagate", password: "secret")

    func testBind_asksTheCoreToAuthenticate_andSecondBindIsAlreadyBound() {
        var session = SMSCSession()
        guard case .authenticate(.transceiver, _, sequenceNumber: 1) = session.receive(.message(SMPPMessage(sequenceNumber: 1, pdu: .bindTransceiver(bind)))) else {
            return XCTFail("a bind needs the core's verdict")
        }
        session.bindFinished(.ok, kind: .transceiver)
        guard case .reply(let reply) = session.receive(.message(SMPPMessage(sequenceNumber: 2, pdu: .bindTransmitter(bind)))) else {
            return XCTFail("expected a reply")
        }
        XCTAssertEqual(reply.status, .alreadyBound)
        XCTAssertEqual(reply.commandID, .bindTransmitterResp)
    }

    func testSubmit_onReceiverBind_answersInvalidBindStatus() {
        var session = SMSCSession()
        _ = session.receive(.message(SMPPMessage(sequenceNumber: 1, pdu: .bindReceiver(bind))))
        session.bindFinished(.ok, kind: .receiver)
        guard case .reply(let reply) = session.receive(.message(SMPPMessage(sequenceNumber: 2, pdu: .submitSM(SubmitSM())))) else {
            return XCTFail("a receiver may not submit")
        }
        XCTAssertEqual(reply.status, .invalidBindStatus)
    }

    func testBrokenFraming_answersGenericNackAndCloses() {
        var session = SMSCSession()
        let error = SMPPDecodingError(.commandLengthOverLimit(1_000_000, limit: 69_632), commandID: 4, sequenceNumber: 9)
        guard case .replyAndClose(let nack) = session.receive(.malformed(error)) else { return XCTFail("must close") }
        XCTAssertEqual(nack.commandID, .genericNack)
        XCTAssertEqual(nack.status, .invalidCommandLength)
        XCTAssertEqual(nack.sequenceNumber, 9)
    }
}
