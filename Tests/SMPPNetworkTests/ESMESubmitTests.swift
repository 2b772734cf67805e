import XCTest

@testable import SMPP

/// The ESME against the simulator over loopback: what arrives is exactly what was sent.
final class ESMESubmitTests: XCTestCase {
    func testSubmit_seedConfirmation_isRecordedExactlyWithAddressing() async throws {
        let smsc = try await RunningSMSC.start()
        let esme = await RunningESME.start(port: smsc.server.port)
        let parts = try await esme.client.submit(OutgoingSMS(reference: "tx-1", to: "254700123456", text: seedConfirmation))
        XCTAssertEqual(parts.count, 1)
        XCTAssertEqual(parts.first?.reference, "tx-1")
        let records = try await smsc.waitForRecords(1)
        XCTAssertEqual(records.count, 1)
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(record.text, seedConfirmation)
        XCTAssertEqual(record.source, "MPESA")
        XCTAssertEqual(record.sourceTON, 5)
        XCTAssertEqual(record.destination, "254700123456")
        XCTAssertEqual(record.destinationTON, 1)
        XCTAssertEqual(record.destinationNPI, 1)
        XCTAssertEqual(record.dataCoding, 0)
        XCTAssertEqual(record.parts, 1)
        XCTAssertEqual(record.messageIDs, parts.map(\.messageID))
        await esme.stop()
        await smsc.stop()
    }

    func testSubmit_400CharacterText_arrivesInThreePartsAndReassemblesExactly() async throws {
        let text = String(repeating: "Malipo yamepokelewa [ref] € ", count: 15).prefix(400)
        XCTAssertEqual(text.count, 400)
        let smsc = try await RunningSMSC.start()
        let esme = await RunningESME.start(port: smsc.server.port)
        let parts = try await esme.client.submit(OutgoingSMS(reference: "long", to: "254700123456", text: String(text)))
        XCTAssertGreaterThan(parts.count, 2)
        let records = try await smsc.waitForRecords(1)
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(record.text, String(text))
        XCTAssertEqual(record.parts, parts.count)
        XCTAssertEqual(record.dataCoding, 0)
        await esme.stop()
        await smsc.stop()
    }

    func testSubmit_emojiText_arrivesAsUCS2PartsAndReassemblesExactly() async throws {
        let text = String(repeating: "Umepokea Ksh500 😀🎉 asante! ", count: 4)
        let smsc = try await RunningSMSC.start()
        let esme = await RunningESME.start(port: smsc.server.port)
        let parts = try await esme.client.submit(OutgoingSMS(reference: "emoji", to: "254700123456", text: text))
        XCTAssertGreaterThan(parts.count, 1)
        let records = try await smsc.waitForRecords(1)
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(record.text, text)
        XCTAssertEqual(record.dataCoding, 8)
        XCTAssertEqual(record.parts, parts.count)
        await esme.stop()
        await smsc.stop()
    }

    func testSubmit_withSARConcatenation_reassemblesExactly() async throws {
        let text = String(repeating: "0123456789", count: 35)
        let smsc = try await RunningSMSC.start()
        let esme = await RunningESME.start(port: smsc.server.port) { $0.encoder = SMSEncoder(concatenation: .sar) }
        let parts = try await esme.client.submit(OutgoingSMS(reference: "sar", to: "254700123456", text: text))
        XCTAssertEqual(parts.count, 3)
        let records = try await smsc.waitForRecords(1)
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(record.text, text)
        await esme.stop()
        await smsc.stop()
    }

    func testSubmit_withMessagePayload_isOnePDUAndExact() async throws {
        let text = String(repeating: "abcdefghij", count: 40)
        let smsc = try await RunningSMSC.start()
        let esme = await RunningESME.start(port: smsc.server.port) { $0.encoder = SMSEncoder(concatenation: .messagePayload) }
        let parts = try await esme.client.submit(OutgoingSMS(reference: "payload", to: "254700123456", text: text))
        XCTAssertEqual(parts.count, 1)
        let records = try await smsc.waitForRecords(1)
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(record.text, text)
        XCTAssertEqual(record.parts, 1)
        await esme.stop()
        await smsc.stop()
    }

    func testReceipts_areMatchedToEveryPartByMessageID() async throws {
        let smsc = try await RunningSMSC.start { $0.unrouted = .deliver }
        let esme = await RunningESME.start(port: smsc.server.port)
        let text = String(repeating: "x", count: 300)
        let parts = try await esme.client.submit(OutgoingSMS(reference: "r-1", to: "254700123456", text: text))
        var receipts: [ReceiptEvent] = []
        for await event in esme.client.receipts {
            receipts.append(event)
            if receipts.count == parts.count { break }
        }
        XCTAssertEqual(Set(receipts.map(\.part)), Set(parts))
        XCTAssertTrue(receipts.allSatisfy { $0.receipt.state == .delivered })
        await esme.stop()
        await smsc.stop()
    }

    func testUnroutedMessage_waitsThenExpires_withExpiredReceipt() async throws {
        let smsc = try await RunningSMSC.start { $0.expiry = .milliseconds(200) }
        let esme = await RunningESME.start(port: smsc.server.port)
        let parts = try await esme.client.submit(OutgoingSMS(reference: "nobody", to: "254799000000", text: "hello"))
        var iterator = esme.client.receipts.makeAsyncIterator()
        let event = await iterator.next()
        XCTAssertEqual(event?.part, parts.first)
        XCTAssertEqual(event?.receipt.state, .expired)
        await esme.stop()
        await smsc.stop()
    }

    func testGenericNack_failsTheRequestWithItsSequenceNumber() async throws {
        let smsc = try await RunningSMSC.start { $0.faults.genericNackProbability = 1 }
        let esme = await RunningESME.start(port: smsc.server.port)
        do {
            _ = try await esme.client.submit(OutgoingSMS(reference: "nack", to: "254700123456", text: "hi"))
            XCTFail("a generic_nack must fail the submit")
        } catch ESMEError.genericNack(let sequence, let status) {
            XCTAssertGreaterThan(sequence, 1, "sequence 1 was the bind")
            XCTAssertEqual(status, .systemError)
        }
        XCTAssertTrue(try smsc.records().isEmpty)
        await esme.stop()
        await smsc.stop()
    }

    func testPermanentError_failsTheMessage_withoutRetry() async throws {
        let smsc = try await RunningSMSC.start()
        let esme = await RunningESME.start(port: smsc.server.port)
        do {
            _ = try await esme.client.submit(OutgoingSMS(reference: "bad", to: "not-a-number", text: "hi"))
            XCTFail("an invalid destination is refused")
        } catch ESMEError.rejected(let status, let part) {
            XCTAssertEqual(status, .invalidDestinationAddress)
            XCTAssertEqual(part, 1)
        }
        // The link goes on: the next message is accepted.
        let parts = try await esme.client.submit(OutgoingSMS(reference: "good", to: "254700123456", text: "hi"))
        XCTAssertEqual(parts.first?.attempts, 1)
        await esme.stop()
        await smsc.stop()
    }

    func testShutdown_unbindsGracefully_andRunReturns() async throws {
        let smsc = try await RunningSMSC.start()
        let esme = await RunningESME.start(port: smsc.server.port)
        await esme.client.waitUntilBound()
        await esme.client.shutdown()
        try await esme.task.value
        do {
            _ = try await esme.client.submit(OutgoingSMS(reference: "late", to: "254700123456", text: "hi"))
            XCTFail("a closed client refuses new messages")
        } catch ESMEError.closed {}
        await smsc.stop()
    }

    func testBind_whenPasswordWrong_runThrowsBindFailed() async throws {
        let smsc = try await RunningSMSC.start()
        let esme = await RunningESME.start(port: smsc.server.port) { $0.password = "nope" }
        do {
            try await esme.task.value
            XCTFail("run must fail on refused credentials")
        } catch ESMEError.bindFailed(let status) {
            XCTAssertEqual(status, .invalidPassword)
        }
        await smsc.stop()
    }
}
