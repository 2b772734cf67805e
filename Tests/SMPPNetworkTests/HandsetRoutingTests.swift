import XCTest

@testable import SMPP

/// Handsets bind as receivers for their MSISDN and get their SMS as `deliver_sm` parts.
final class HandsetRoutingTests: XCTestCase {
    func testReceiverBoundForMSISDN_getsTheParts_andReceiptSaysDeliveredOnlyAfterItsResponse() async throws {
        let smsc = try await RunningSMSC.start()
        let esme = await RunningESME.start(port: smsc.server.port)
        let receipts = await ReceiptCollector.start(esme.client.receipts)
        let text = String(repeating: "Umetuma Ksh5,000.00 kwa 254711987654. ", count: 10)
        try await RawSMPPPeer.session(port: smsc.server.port) { handset in
            let bound = try await handset.bind(.receiver, systemID: "handset", password: "handset", addressRange: "254700123456")
            XCTAssertEqual(bound?.status, .ok)
            let parts = try await esme.client.submit(OutgoingSMS(reference: "to-handset", to: "254700123456", text: text))
            XCTAssertGreaterThan(parts.count, 1)

            var delivers: [(UInt32, DeliverSM)] = []
            while delivers.count < parts.count, let message = try await handset.receive() {
                if case .deliverSM(let deliver) = message.pdu { delivers.append((message.sequenceNumber, deliver)) }
            }
            XCTAssertEqual(delivers.count, parts.count, "parts are forwarded as parts")
            var reassembler = SMSReassembler<String>()
            var rebuilt: String?
            for (_, deliver) in delivers {
                XCTAssertTrue(deliver.esmClass.hasUDH)
                XCTAssertEqual(deliver.source, .alphanumeric("MPESA"))
                rebuilt = try reassembler.add(SMSDecoder().decode(deliver), key: "sender") ?? rebuilt
            }
            XCTAssertEqual(rebuilt, text)

            try await Task.sleep(for: .milliseconds(150))
            let early = await receipts.events
            XCTAssertTrue(early.isEmpty, "no receipt before the handset answered")

            for (sequence, _) in delivers {
                try await handset.send(.deliverSMResp(DeliverSMResponse()), sequenceNumber: sequence)
            }
            let events = try await receipts.waitFor(parts.count)
            XCTAssertEqual(Set(events.map(\.part)), Set(parts))
            XCTAssertTrue(events.allSatisfy { $0.receipt.state == .delivered })
        }
        await esme.stop()
        await smsc.stop()
    }

    func testMessageForAbsentHandset_isDeliveredWhenItBinds() async throws {
        let smsc = try await RunningSMSC.start()
        let esme = await RunningESME.start(port: smsc.server.port)
        _ = try await esme.client.submit(OutgoingSMS(reference: "later", to: "+254700555000", text: "Salio lako ni Ksh100.00"))
        try await RawSMPPPeer.session(port: smsc.server.port) { handset in
            _ = try await handset.bind(.receiver, systemID: "handset", password: "handset", addressRange: "254700555000")
            let message = try await handset.receive()
            guard case .deliverSM(let deliver) = message?.pdu else { return XCTFail("expected deliver_sm, got \(String(describing: message))") }
            XCTAssertEqual(try SMSDecoder().decode(deliver).text(), "Salio lako ni Ksh100.00")
        }
        await esme.stop()
        await smsc.stop()
    }
}
