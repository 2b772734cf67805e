import XCTest

@testable import SMPP

/// Receipt timing and loss, data_sm, and shutting the simulator down under load.
final class SMSCReceiptTests: XCTestCase {
    func testReceipt_comesAfterTheConfiguredDelay() async throws {
        let smsc = try await RunningSMSC.start {
            $0.unrouted = .deliver
            $0.receiptDelay = .milliseconds(300)
        }
        let esme = await RunningESME.start(port: smsc.server.port)
        let receipts = await ReceiptCollector.start(esme.client.receipts)
        _ = try await esme.client.submit(OutgoingSMS(reference: "slow", to: "254700123456", text: "hi"))
        let submitted = ContinuousClock.now
        let events = try await receipts.waitFor(1)
        XCTAssertEqual(events.count, 1)
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - submitted, .milliseconds(250))
        await esme.stop()
        await smsc.stop()
    }

    func testLostReceipts_neverArrive() async throws {
        let smsc = try await RunningSMSC.start {
            $0.unrouted = .deliver
            $0.faults.receiptLossProbability = 1
        }
        let esme = await RunningESME.start(port: smsc.server.port)
        let receipts = await ReceiptCollector.start(esme.client.receipts)
        _ = try await esme.client.submit(OutgoingSMS(reference: "lost", to: "254700123456", text: "hi"))
        let events = try await receipts.waitFor(1, timeout: .milliseconds(300))
        XCTAssertTrue(events.isEmpty)
        await esme.stop()
        await smsc.stop()
    }

    func testDataSM_isAnsweredWithAnID_andRecorded() async throws {
        let smsc = try await RunningSMSC.start()
        try await RawSMPPPeer.session(port: smsc.server.port) { peer in
            _ = try await peer.bind()
            var tlvs = TLVList()
            tlvs[.messagePayload] = Array("Salio: Ksh19,985.00".utf8)
            let data = DataSM(source: .alphanumeric("MPESA"), destination: .international("254700123456"), tlvs: tlvs)
            try await peer.send(.dataSM(data))
            let response = try await peer.receive()
            guard case .dataSMResp(let body) = response?.pdu else { return XCTFail("expected data_sm_resp") }
            XCTAssertEqual(response?.status, .ok)
            XCTAssertFalse(body.messageID.isEmpty)
        }
        let records = try await smsc.waitForRecords(1)
        XCTAssertEqual(records.first?.text, "Salio: Ksh19,985.00")
        await smsc.stop()
    }

    func testShutdown_withABoundClient_closesItsConnection() async throws {
        let smsc = try await RunningSMSC.start()
        try await RawSMPPPeer.session(port: smsc.server.port) { peer in
            _ = try await peer.bind()
            await smsc.stop()
            let after = try await peer.receive(timeout: .seconds(2))
            XCTAssertNil(after, "the connection is closed by the server")
        }
    }
}
