import HandsetKit
import Logging
import SMPP
import XCTest

/// The receiver against the real SMSC simulator: bind as receiver for an MSISDN, get what an ESME
/// submits to that MSISDN.
final class SMSReceiverTests: XCTestCase {
    func testReceiver_whenAnESMESendsALongText_getsItReassembledInOnePiece() async throws {
        let smsc = try await SMSCServer.bind(configuration: SMSCConfiguration(), logger: quiet)
        let esme = ESMEClient(configuration: ESMEConfiguration(port: smsc.port), logger: quiet)
        let receiver = SMSReceiver(configuration: SMSReceiverConfiguration(port: smsc.port, msisdn: "+254711987654"))
        let text = "Confirmed. Ksh5,000.00 received from 254700123456 JOHN KAMAU on 2/9/24 at 2:30 PM. "
            + "New balance is Ksh13,500.00. Buy goods at any till with Lipa na M-PESA, pay bills with Paybill."
        XCTAssertGreaterThan(text.count, 160, "the text needs two parts")

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await smsc.run() }
            group.addTask { try await esme.run() }
            group.addTask { try await receiver.run() }
            try await receiver.waitUntilBound()
            await esme.waitUntilBound()

            let parts = try await esme.submit(OutgoingSMS(reference: "t1", to: "254711987654", text: text))
            XCTAssertEqual(parts.count, 2)
            var inbox = receiver.inbox.makeAsyncIterator()
            let sms = await inbox.next()
            XCTAssertEqual(sms?.text, text)
            XCTAssertEqual(sms?.from, "MPESA")

            receiver.close()
            await esme.shutdown()
            await smsc.shutdown()
            group.cancelAll()
        }
    }

    func testReceiver_whenThePasswordIsWrong_isRefusedAtBind() async throws {
        let smsc = try await SMSCServer.bind(configuration: SMSCConfiguration(), logger: quiet)
        let receiver = SMSReceiver(configuration: SMSReceiverConfiguration(port: smsc.port, msisdn: "254711987654", password: "wrong"))
        await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await smsc.run() }
            group.addTask { try? await receiver.run() }
            do {
                try await receiver.waitUntilBound()
                XCTFail("bound with a wrong password")
            } catch {
                XCTAssertEqual(error as? SMSReceiverError, .bindRefused(.invalidPassword))
            }
            receiver.close()
            await smsc.shutdown()
            group.cancelAll()
        }
    }

    func testInbox_whenTheHandsetIsOnlyReceiver_seesOnlyItsOwnMessages() async throws {
        let smsc = try await SMSCServer.bind(configuration: SMSCConfiguration(), logger: quiet)
        let esme = ESMEClient(configuration: ESMEConfiguration(port: smsc.port), logger: quiet)
        let mine = SMSReceiver(configuration: SMSReceiverConfiguration(port: smsc.port, msisdn: "254700000001"))
        let other = SMSReceiver(configuration: SMSReceiverConfiguration(port: smsc.port, msisdn: "254700000002"))
        let inbox = SMSInbox()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await smsc.run() }
            group.addTask { try await esme.run() }
            group.addTask { try await mine.run() }
            group.addTask { try await other.run() }
            group.addTask { await inbox.collect(from: mine.inbox) }
            try await mine.waitUntilBound()
            try await other.waitUntilBound()
            await esme.waitUntilBound()

            _ = try await esme.submit(OutgoingSMS(reference: "a", to: "254700000002", text: "for the other phone"))
            _ = try await esme.submit(OutgoingSMS(reference: "b", to: "254700000001", text: "for me"))
            let sms = await inbox.take(matching: nil, within: .seconds(2))
            XCTAssertEqual(sms?.text, "for me")

            mine.close()
            other.close()
            await esme.shutdown()
            await smsc.shutdown()
            group.cancelAll()
        }
    }

    private var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }
}
