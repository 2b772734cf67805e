import XCTest

@testable import SMPP

final class SMSCBindTests: XCTestCase {
    func testBind_whenCredentialsRight_answersOKWithSameSequence() async throws {
        let smsc = try await RunningSMSC.start()
        try await RawSMPPPeer.session(port: smsc.server.port) { peer in
            let response = try await peer.bind()
            XCTAssertEqual(response?.status, .ok)
            XCTAssertEqual(response?.commandID, .bindTransceiverResp)
            XCTAssertEqual(response?.sequenceNumber, 1)
        }
        await smsc.stop()
    }

    func testBind_whenPasswordWrong_answersInvalidPassword() async throws {
        let smsc = try await RunningSMSC.start()
        try await RawSMPPPeer.session(port: smsc.server.port) { peer in
            let response = try await peer.bind(password: "wrong")
            XCTAssertEqual(response?.status, .invalidPassword)
        }
        await smsc.stop()
    }

    func testBind_whenSystemIDUnknown_answersInvalidSystemID() async throws {
        let smsc = try await RunningSMSC.start()
        try await RawSMPPPeer.session(port: smsc.server.port) { peer in
            let response = try await peer.bind(systemID: "stranger")
            XCTAssertEqual(response?.status, .invalidSystemID)
        }
        await smsc.stop()
    }

    func testBind_whenAlreadyBound_answersAlreadyBound() async throws {
        let smsc = try await RunningSMSC.start()
        try await RawSMPPPeer.session(port: smsc.server.port) { peer in
            _ = try await peer.bind()
            let second = try await peer.bind()
            XCTAssertEqual(second?.status, .alreadyBound)
        }
        await smsc.stop()
    }

    func testSubmit_beforeBind_answersInvalidBindStatus() async throws {
        let smsc = try await RunningSMSC.start()
        try await RawSMPPPeer.session(port: smsc.server.port) { peer in
            let submit = SubmitSM(source: .alphanumeric("MPESA"), destination: .international("254700123456"), shortMessage: Array("hi".utf8))
            try await peer.send(.submitSM(submit))
            let response = try await peer.receive()
            XCTAssertEqual(response?.commandID, .submitSMResp)
            XCTAssertEqual(response?.status, .invalidBindStatus)
        }
        await smsc.stop()
    }

    func testEnquireLinkAndUnbind_areAnswered_andUnbindClosesTheLink() async throws {
        let smsc = try await RunningSMSC.start()
        try await RawSMPPPeer.session(port: smsc.server.port) { peer in
            _ = try await peer.bind()
            let sequence = try await peer.send(.enquireLink)
            let pong = try await peer.receive()
            XCTAssertEqual(pong?.commandID, .enquireLinkResp)
            XCTAssertEqual(pong?.sequenceNumber, sequence)
            try await peer.send(.unbind)
            let bye = try await peer.receive()
            XCTAssertEqual(bye?.commandID, .unbindResp)
            let after = try await peer.receive()
            XCTAssertNil(after, "the SMSC closes the connection after unbind_resp")
        }
        await smsc.stop()
    }

    func testMalformedBytes_getGenericNack_andServerLivesOn() async throws {
        let smsc = try await RunningSMSC.start()
        try await RawSMPPPeer.session(port: smsc.server.port) { peer in
            _ = try await peer.bind()
            // A well-framed PDU with a command_id SMPP 3.4 does not define.
            try await peer.sendBytes([0, 0, 0, 16, 0x00, 0x00, 0x07, 0x77, 0, 0, 0, 0, 0, 0, 0, 42])
            let nack = try await peer.receive()
            XCTAssertEqual(nack?.commandID, .genericNack)
            XCTAssertEqual(nack?.status, .invalidCommandID)
            XCTAssertEqual(nack?.sequenceNumber, 42)
            // The same link still works.
            try await peer.send(.enquireLink)
            let pong = try await peer.receive()
            XCTAssertEqual(pong?.commandID, .enquireLinkResp)
            // A hostile length ends only this link: the nack comes, then the close.
            try await peer.sendBytes([0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 7])
            let lengthNack = try await peer.receive()
            XCTAssertEqual(lengthNack?.status, .invalidCommandLength)
        }
        try await RawSMPPPeer.session(port: smsc.server.port) { next in
            let bound = try await next.bind()
            XCTAssertEqual(bound?.status, .ok, "the server lives on for new connections")
        }
        await smsc.stop()
    }
}
