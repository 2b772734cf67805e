import Foundation
import Payments
import SMPP
import Services
import XCTest

/// Several SMSC links: a message goes over a link that is up, a link that stays down gives its
/// unsent messages to another, and receipts for messages accepted before a restart still match.
final class SMSCFailoverTests: XCTestCase {
    private var renderer: ConfirmationTextRenderer!

    override func setUpWithError() throws {
        renderer = ConfirmationTextRenderer(texts: try Fixtures.texts(), timeZone: .gmt)
    }

    private func enqueue(_ outbox: SMSOutbox, _ id: String, now: Date) async throws {
        let confirmation = Seed.confirmation(id: try TransactionID(parsing: id))
        try await outbox.enqueue(
            renderer.messages(for: confirmation).filter { $0.role == .sender }, transactionId: confirmation.transactionId,
            expiresAt: now.addingTimeInterval(3600), now: now)
    }

    private func link(_ name: String, to smsc: SMSCFixture) -> SMSCLinkConfiguration {
        var esme = smsc.esmeConfiguration
        esme.reconnectDelay = .milliseconds(50)
        esme.maxReconnectDelay = .milliseconds(200)
        return SMSCLinkConfiguration(name: name, esme: esme)
    }

    /// Runs `router`'s links and a dispatcher over `outbox` while `body` runs.
    private func running(
        _ router: SMSCRouter, _ outbox: SMSOutbox, configuration: NotificationConfiguration, _ body: () async throws -> Void
    ) async throws {
        let dispatcher = SMSDispatcher(
            outbox: outbox, router: router, configuration: configuration, now: Seed.tickingClock(), logger: .quiet,
            publish: { _, _ in })
        try await dispatcher.recoverAfterRestart()
        let links = Task { try? await router.run() }
        let sender = Task { await dispatcher.runSender() }
        let receipts = Task { await dispatcher.runReceipts() }
        defer { dispatcher.stop() }
        try await body()
        dispatcher.stop()
        await sender.value
        await router.shutdown()
        await links.value
        await receipts.value
    }

    func testFirstLinkDown_messagesGoOverTheSecond_andTheOutboxNamesIt() async throws {
        let primary = try await SMSCFixture()
        let backup = try await SMSCFixture()
        var configuration = primary.notificationConfiguration
        configuration.links = [link("primary", to: primary), link("backup", to: backup)]
        await primary.stop()  // the primary SMSC is gone before we start
        let router = try SMSCRouter(configurations: configuration.links, failoverAfter: .milliseconds(300), logger: .quiet)
        let outbox = try SMSOutbox.inMemory()
        try await running(router, outbox, configuration: configuration) {
            await router.links[1].client.waitUntilBound()
            for n in 1...3 { try await enqueue(outbox, "TXN-20240902-00\(n)", now: Date()) }
            let delivered = await eventually { (try? await outbox.count(.delivered)) == 3 }
            XCTAssertTrue(delivered)
        }
        await backup.stop()
        XCTAssertEqual(backup.messages.count, 3)
        XCTAssertEqual(primary.messages.count, 0)
        let links = try await outbox.writer.read { try String.fetchAll($0, sql: "SELECT link FROM sms") }
        XCTAssertEqual(links, ["backup", "backup", "backup"])
    }

    func testLinkThatStaysDown_givesBackItsQueuedMessages_whichGoOverTheOtherLink() async throws {
        let primary = try await SMSCFixture()
        let backup = try await SMSCFixture()
        var configuration = primary.notificationConfiguration
        configuration.links = [link("primary", to: primary), link("backup", to: backup)]
        let router = try SMSCRouter(configurations: configuration.links, failoverAfter: .milliseconds(300), logger: .quiet)
        // Queued on the primary while it is (still) down: nothing is bound yet, so the best link takes them.
        let queued = Task { await router.submitInOrder([
            OutgoingSMS(reference: "x:sender", to: "254700123456", text: "hello",
                        source: .alphanumeric("MPESA"), registeredDelivery: true),
        ]) }
        await primary.stop()
        let links = Task { try? await router.run() }
        let outcome = await queued.value
        guard case .failure(let error) = outcome.first else { return XCTFail("expected the message back, got \(outcome)") }
        XCTAssertEqual(error as? ESMEError, .withdrawn)
        await router.links[1].client.waitUntilBound()
        let again = await router.submitInOrder([
            OutgoingSMS(reference: "x:sender", to: "254700123456", text: "hello",
                        source: .alphanumeric("MPESA"), registeredDelivery: true),
        ])
        XCTAssertEqual(try again.first?.get().link, "backup")
        await router.shutdown()
        await links.value
        await backup.stop()
    }

    func testReceiptArrivingAfterARestart_stillMarksTheMessageDelivered() async throws {
        let smsc = try await SMSCFixture { $0.receiptDelay = .milliseconds(1500) }
        let path = Fixtures.temporaryPath("outbox.sqlite")
        var configuration = smsc.notificationConfiguration
        configuration.links = [link("smsc", to: smsc)]
        do {
            // Before the stop: the SMSC accepts the message; its receipt is still 1.5 s away.
            let outbox = try SMSOutbox.open(path: path)
            let router = try SMSCRouter(configurations: configuration.links, logger: .quiet)
            try await running(router, outbox, configuration: configuration) {
                try await enqueue(outbox, "TXN-20240902-001", now: Date())
                let accepted = await eventually { (try? await outbox.parts(of: 1).count) == 1 }
                XCTAssertTrue(accepted)
            }
            let row = try await outbox.all().first
            XCTAssertEqual(row?.state, .submitted, "stopped before the receipt")
        }
        // After the restart: a new ESME binds; the SMSC hands it the receipt it held.
        let outbox = try SMSOutbox.open(path: path)
        let router = try SMSCRouter(configurations: configuration.links, logger: .quiet)
        try await running(router, outbox, configuration: configuration) {
            let delivered = await eventually(timeout: .seconds(10)) { (try? await outbox.count(.delivered)) == 1 }
            XCTAssertTrue(delivered, "the receipt for the message accepted before the restart was matched")
        }
        await smsc.stop()
        XCTAssertEqual(smsc.messages.count, 1, "sent once, never again after the restart")
    }
}
