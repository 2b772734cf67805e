import Foundation
import Payments
import SMPP
import Services
import Synchronization
import XCTest

final class SMSDispatcherTests: XCTestCase {
    /// Delivery events the dispatcher published.
    private final class Published: Sendable {
        let events = Mutex<[SMSDeliveryEvent]>([])
        var all: [SMSDeliveryEvent] { events.withLock { $0 } }
        func publish(_ event: SMSDeliveryEvent, _ trace: String?) { events.withLock { $0.append(event) } }
    }

    private var renderer: ConfirmationTextRenderer!

    override func setUpWithError() throws {
        renderer = ConfirmationTextRenderer(texts: try Fixtures.texts(), timeZone: .gmt)
    }

    /// Runs a dispatcher (sender and receipts) with its ESME against `smsc` while `body` runs.
    private func withDispatcher(
        _ outbox: SMSOutbox, smsc: SMSCFixture, clock: @escaping @Sendable () -> Date, published: Published,
        _ body: () async throws -> Void
    ) async throws {
        let esme = ESMEClient(configuration: smsc.esmeConfiguration, logger: .quiet)
        let dispatcher = SMSDispatcher(
            outbox: outbox, esme: esme, configuration: smsc.notificationConfiguration, now: clock, logger: .quiet,
            publish: { published.publish($0, $1) })
        let link = Task { try? await esme.run() }
        let sender = Task { await dispatcher.runSender() }
        let receipts = Task { await dispatcher.runReceipts() }
        do {
            try await body()
        } catch {
            dispatcher.stop()
            await esme.shutdown()
            throw error
        }
        dispatcher.stop()
        await sender.value
        await esme.shutdown()
        await link.value
        await receipts.value
    }

    /// Queues the payer's SMS of a transfer to `to`, so each transaction's text differs.
    private func enqueue(_ outbox: SMSOutbox, _ id: String, to: String = Seed.payee, now: Date) async throws {
        let confirmation = Seed.confirmation(id: try TransactionID(parsing: id), to: to)
        try await outbox.enqueue(
            renderer.messages(for: confirmation).filter { $0.role == .sender }, transactionId: confirmation.transactionId,
            expiresAt: now.addingTimeInterval(3600), now: now)
    }

    func testRunning_sendsQueuedSeedSMSFromMPESA_andItsReceiptMarksItDelivered() async throws {
        let smsc = try await SMSCFixture()
        let outbox = try SMSOutbox.inMemory()
        let published = Published()
        try await outbox.enqueue(
            renderer.messages(for: Seed.confirmation()), transactionId: Seed.transactionId,
            expiresAt: Seed.completion.addingTimeInterval(3600), now: Seed.completion)
        try await withDispatcher(outbox, smsc: smsc, clock: Seed.tickingClock(), published: published) {
            let finished = await eventually { published.all.count == 4 }
            XCTAssertTrue(finished, "SMS_SUBMITTED and SMS_DELIVERED for each recipient")
        }
        await smsc.stop()
        let toPayer = smsc.messages.filter { $0.destination == "254700123456" }
        XCTAssertEqual(toPayer.count, 1)
        XCTAssertEqual(toPayer.first?.text, Seed.smsText)
        XCTAssertEqual(toPayer.first?.source, "MPESA")
        XCTAssertEqual(toPayer.first?.sourceTON, 5)
        XCTAssertEqual(toPayer.first?.destinationTON, 1)
        XCTAssertEqual(toPayer.first?.destinationNPI, 1)
        XCTAssertEqual(toPayer.first?.dataCoding, 0)
        let rows = try await outbox.all()
        XCTAssertEqual(rows.map(\.state), [.delivered, .delivered])
        XCTAssertEqual(Set(published.all.map(\.eventId)), [
            "TXN-20240902-001:sms-submitted:sender", "TXN-20240902-001:sms-submitted:recipient",
            "TXN-20240902-001:sms-delivered:sender", "TXN-20240902-001:sms-delivered:recipient",
        ])
        let parts = try await outbox.parts(of: rows[0].id)
        let toSender = published.all.filter { $0.recipientRole == .sender }
        XCTAssertEqual(toSender.map(\.eventType), [.smsSubmitted, .smsDelivered], "submitted before delivered")
        XCTAssertEqual(toSender.last?.messageIds, parts.map(\.messageId))
    }

    private static let payee = ["A": "254711000001", "B": "254711000002", "C": "254711000003"]

    func testRestart_withQueuedAndInFlightSMS_sendsEachExactlyOnceAndNeverTheAcceptedOne() async throws {
        let smsc = try await SMSCFixture()
        let path = Fixtures.temporaryPath("outbox.sqlite")
        let clock = ManualClock(Seed.completion)
        do {
            // Before the "crash": A queued, B handed to the ESME without an answer, C accepted.
            let outbox = try SMSOutbox.open(path: path)
            for suffix in ["A", "B", "C"] {
                try await enqueue(outbox, "TXN-20240902-00\(suffix)", to: Self.payee[suffix]!, now: clock.now)
            }
            _ = try await outbox.claim(limit: 1, now: clock.now)
            _ = try await outbox.claim(limit: 1, now: clock.now)
            _ = try await outbox.claim(limit: 1, now: clock.now)
            // Claimed in id order: row 1 is A. Put A back as queued, leave B in flight, accept C.
            try await outbox.requeue(id: 1, error: "closed", maxAttempts: 5, now: clock.now)
            try await outbox.recordAccepted(id: 3, parts: [SubmittedPartRecord(partNumber: 1, totalParts: 1, messageID: "ff")], now: clock.now)
        }
        let outbox = try SMSOutbox.open(path: path)
        let recovered = try await outbox.recoverInFlight()
        XCTAssertEqual(recovered, 1)
        try await withDispatcher(outbox, smsc: smsc, clock: clock.function, published: Published()) {
            let delivered = await eventually { (try? await outbox.count(.delivered)) == 2 }
            XCTAssertTrue(delivered)
        }
        await smsc.stop()
        let texts = smsc.messages.map(\.text)
        XCTAssertEqual(texts.count, 2, "\(texts)")
        XCTAssertEqual(texts.filter { $0.contains(Self.payee["A"]!) }.count, 1)
        XCTAssertEqual(texts.filter { $0.contains(Self.payee["B"]!) }.count, 1)
        let rows = try await outbox.all()
        XCTAssertEqual(rows.map(\.resends), [0, 1, 0])
        XCTAssertEqual(rows.map(\.state), [.delivered, .delivered, .submitted])
    }

    func testRound_whenSMSIsPastItsAge_sendsNothingAndPublishesExpiry() async throws {
        let smsc = try await SMSCFixture()
        let outbox = try SMSOutbox.inMemory()
        let clock = ManualClock(Seed.completion)
        let published = Published()
        try await enqueue(outbox, "TXN-20240902-001", now: clock.now)
        clock.advance(3600)
        try await withDispatcher(outbox, smsc: smsc, clock: clock.function, published: published) {
            let expired = await eventually { published.all.count == 1 }
            XCTAssertTrue(expired)
        }
        await smsc.stop()
        XCTAssertEqual(published.all.map(\.eventId), ["TXN-20240902-001:sms-expired:sender"])
        XCTAssertTrue(smsc.messages.isEmpty)
    }
}
