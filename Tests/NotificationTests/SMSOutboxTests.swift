import Foundation
import GRDB
import SQLiteStore
import Payments
import SMPP
import Services
import XCTest

final class SMSOutboxTests: XCTestCase {
    private let clock = ManualClock(Seed.completion)
    private var renderer: ConfirmationTextRenderer!

    override func setUpWithError() throws {
        renderer = ConfirmationTextRenderer(texts: try Fixtures.texts(), timeZone: .gmt)
    }

    private var seedMessages: [ConfirmationSMS] { renderer.messages(for: Seed.confirmation()) }
    private var expiry: Date { Seed.completion.addingTimeInterval(3600) }

    private func enqueueSeed(_ outbox: SMSOutbox) async throws -> Int {
        try await outbox.enqueue(seedMessages, transactionId: Seed.transactionId, expiresAt: expiry, now: clock.now)
    }

    private func receipt(_ reference: String, part: Int = 1, of total: Int = 1, id: String, _ state: MessageState) -> ReceiptEvent {
        ReceiptEvent(
            part: SubmittedPart(reference: reference, partNumber: part, totalParts: total, messageID: id, attempts: 1),
            receipt: DeliveryReceipt(messageID: id, state: state))
    }

    func testEnqueue_forSeedTransfer_queuesOneRowPerRecipient() async throws {
        let outbox = try SMSOutbox.inMemory()
        let inserted = try await enqueueSeed(outbox)
        XCTAssertEqual(inserted, 2)
        let rows = try await outbox.all()
        XCTAssertEqual(rows.map(\.role), [.sender, .recipient])
        XCTAssertEqual(rows.map(\.state), [.queued, .queued])
        XCTAssertEqual(rows[0].text, Seed.smsText)
        XCTAssertEqual(rows[0].reference, "TXN-20240902-001:sender")
    }

    func testEnqueue_whenConfirmationRedelivered_insertsNothingNew() async throws {
        let outbox = try SMSOutbox.inMemory()
        _ = try await enqueueSeed(outbox)
        _ = try await outbox.claim(limit: 10, now: clock.now)
        let again = try await enqueueSeed(outbox)
        XCTAssertEqual(again, 0)
        let rows = try await outbox.all()
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows.map(\.state), [.submitted, .submitted], "a redelivery must not reset a row either")
    }

    func testEnqueue_whenAlreadyPastItsAge_isRecordedExpiredAndNeverClaimed() async throws {
        let outbox = try SMSOutbox.inMemory()
        clock.advance(7200)
        _ = try await enqueueSeed(outbox)
        let claimed = try await outbox.claim(limit: 10, now: clock.now)
        XCTAssertTrue(claimed.isEmpty)
        let expired = try await outbox.count(.expired)
        XCTAssertEqual(expired, 2)
    }

    func testClaim_marksRowsSubmittedInQueueOrderAndCountsTheAttempt() async throws {
        let outbox = try SMSOutbox.inMemory()
        _ = try await enqueueSeed(outbox)
        let first = try await outbox.claim(limit: 1, now: clock.now)
        XCTAssertEqual(first.map(\.role), [.sender])
        XCTAssertEqual(first.first?.attempts, 1)
        let stored = try await outbox.message(transactionId: Seed.transactionId.value, role: .sender)
        XCTAssertEqual(stored?.state, .submitted)
        XCTAssertEqual(stored?.submittedAt, clock.now.timeIntervalSince1970Milliseconds)
        let second = try await outbox.claim(limit: 10, now: clock.now)
        XCTAssertEqual(second.map(\.role), [.recipient], "a claimed row is not handed out twice")
    }

    func testReceipts_whenEveryPartDelivered_markTheSMSDeliveredWithItsMessageIDs() async throws {
        let outbox = try SMSOutbox.inMemory()
        _ = try await enqueueSeed(outbox)
        let row = try await outbox.claim(limit: 1, now: clock.now)[0]
        try await outbox.recordAccepted(id: row.id, parts: [
            SubmittedPartRecord(partNumber: 1, totalParts: 2, messageID: "a1"),
            SubmittedPartRecord(partNumber: 2, totalParts: 2, messageID: "a2"),
        ], now: clock.now)
        let firstFinishes = try await outbox.recordReceipt(receipt(row.reference, part: 1, of: 2, id: "a1", .delivered), now: clock.now)
        XCTAssertFalse(firstFinishes)
        let secondFinishes = try await outbox.recordReceipt(receipt(row.reference, part: 2, of: 2, id: "a2", .delivered), now: clock.now)
        XCTAssertTrue(secondFinishes)
        let stored = try await outbox.message(transactionId: Seed.transactionId.value, role: .sender)
        XCTAssertEqual(stored?.state, .delivered)
        let parts = try await outbox.parts(of: row.id)
        XCTAssertEqual(parts.map(\.messageId), ["a1", "a2"])
    }

    func testBatches_ofAcceptancesAndReceipts_finishEveryRowTheyComplete_andNameTheLink() async throws {
        let outbox = try SMSOutbox.inMemory()
        _ = try await enqueueSeed(outbox)
        let rows = try await outbox.claim(limit: 2, now: clock.now)
        try await outbox.recordAccepted(rows.enumerated().map { index, row in
            AcceptedSMS(id: row.id, parts: [SubmittedPartRecord(partNumber: 1, totalParts: 1, messageID: "c\(index)")], link: "backup")
        }, now: clock.now)
        let waiting = try await outbox.awaitingReceipts()
        XCTAssertEqual(waiting["backup"]?.map(\.messageID).sorted(), ["c0", "c1"])
        let finished = try await outbox.recordReceipts([
            receipt(rows[0].reference, id: "c0", .delivered), receipt(rows[1].reference, id: "c1", .undeliverable),
            receipt("TXN-20240902-999:sender", id: "zz", .delivered),
        ], now: clock.now)
        XCTAssertEqual(finished, 2, "the unknown reference is skipped, not fatal to the batch")
        let states = try await outbox.all().map(\.state)
        XCTAssertEqual(states, [.delivered, .failed])
        let stillWaiting = try await outbox.awaitingReceipts()
        XCTAssertEqual(stillWaiting.count, 0)
        try await outbox.markPublished(ids: rows.map(\.id))
        let unpublished = try await outbox.unpublishedFinal()
        XCTAssertEqual(unpublished.count, 0)
    }

    func testOpenedOnDisk_syncsEveryCommit() throws {
        let outbox = try SMSOutbox.open(path: Fixtures.temporaryPath("durable-outbox.sqlite"))
        XCTAssertEqual(try (outbox.writer as? DatabasePool)?.writerSynchronousLevel(), 2, "synchronous = FULL")
    }

    func testReceipt_arrivingBeforeAcceptanceIsRecorded_stillFinishesTheSMS() async throws {
        let outbox = try SMSOutbox.inMemory()
        _ = try await enqueueSeed(outbox)
        let row = try await outbox.claim(limit: 1, now: clock.now)[0]
        try await outbox.recordReceipt(receipt(row.reference, id: "b1", .delivered), now: clock.now)
        try await outbox.recordAccepted(id: row.id, parts: [SubmittedPartRecord(partNumber: 1, totalParts: 1, messageID: "b1")], now: clock.now)
        let stored = try await outbox.message(transactionId: Seed.transactionId.value, role: .sender)
        XCTAssertEqual(stored?.state, .delivered)
    }

    func testReceipt_undeliverable_marksTheSMSFailed() async throws {
        let outbox = try SMSOutbox.inMemory()
        _ = try await enqueueSeed(outbox)
        let row = try await outbox.claim(limit: 1, now: clock.now)[0]
        try await outbox.recordAccepted(id: row.id, parts: [SubmittedPartRecord(partNumber: 1, totalParts: 1, messageID: "c1")], now: clock.now)
        try await outbox.recordReceipt(receipt(row.reference, id: "c1", .undeliverable), now: clock.now)
        let stored = try await outbox.message(transactionId: Seed.transactionId.value, role: .sender)
        XCTAssertEqual(stored?.state, .failed)
        XCTAssertTrue(stored?.lastError?.contains("UNDELIV") == true)
    }

    func testRequeue_untilAttemptsRunOut_thenFails() async throws {
        let outbox = try SMSOutbox.inMemory()
        _ = try await enqueueSeed(outbox)
        for attempt in 1...3 {
            let row = try await outbox.claim(limit: 1, now: clock.now)[0]
            XCTAssertEqual(row.attempts, attempt)
            try await outbox.requeue(id: row.id, error: "timed out", maxAttempts: 3, now: clock.now)
        }
        let stored = try await outbox.message(transactionId: Seed.transactionId.value, role: .sender)
        XCTAssertEqual(stored?.state, .failed)
        XCTAssertEqual(stored?.lastError, "timed out")
    }

    func testExpireStale_whenReceiptLost_leavesSubmittedUntilTheAgeLimitThenExpires() async throws {
        let outbox = try SMSOutbox.inMemory()
        _ = try await enqueueSeed(outbox)
        let row = try await outbox.claim(limit: 1, now: clock.now)[0]
        try await outbox.recordAccepted(id: row.id, parts: [SubmittedPartRecord(partNumber: 1, totalParts: 1, messageID: "d1")], now: clock.now)
        clock.advance(3599)
        let early = try await outbox.expireStale(now: clock.now)
        XCTAssertEqual(early, 0)
        let waiting = try await outbox.message(transactionId: Seed.transactionId.value, role: .sender)
        XCTAssertEqual(waiting?.state, .submitted)
        clock.advance(1)
        let expired = try await outbox.expireStale(now: clock.now)
        XCTAssertEqual(expired, 2, "the submitted row and the still-queued one")
        let final = try await outbox.all()
        XCTAssertEqual(final.map(\.state), [.expired, .expired])
    }

    func testRecoverInFlight_afterRestart_requeuesOnlyUnansweredRowsWithIdenticalTextAndCountsThem() async throws {
        let path = Fixtures.temporaryPath("outbox.sqlite")
        do {
            let outbox = try SMSOutbox.open(path: path)
            _ = try await enqueueSeed(outbox)
            let claimed = try await outbox.claim(limit: 2, now: clock.now)
            // The sender's text was accepted; the recipient's was in flight when the process died.
            try await outbox.recordAccepted(
                id: claimed[0].id, parts: [SubmittedPartRecord(partNumber: 1, totalParts: 1, messageID: "e1")], now: clock.now)
        }
        let reopened = try SMSOutbox.open(path: path)
        let recovered = try await reopened.recoverInFlight()
        XCTAssertEqual(recovered, 1)
        let rows = try await reopened.all()
        XCTAssertEqual(rows.map(\.state), [.submitted, .queued])
        XCTAssertEqual(rows.map(\.resends), [0, 1])
        let resend = try await reopened.claim(limit: 10, now: clock.now)
        XCTAssertEqual(resend.map(\.text), [seedMessages[1].text])
        XCTAssertEqual(resend.first?.attempts, 2)
        let journal = try await reopened.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(journal, "wal")
    }

    func testUnpublishedFinal_listsFinishedRowsUntilMarkedPublished() async throws {
        let outbox = try SMSOutbox.inMemory()
        _ = try await enqueueSeed(outbox)
        let row = try await outbox.claim(limit: 1, now: clock.now)[0]
        try await outbox.markFailed(id: row.id, error: "ESME_RINVDSTADR", now: clock.now)
        let pending = try await outbox.unpublishedFinal()
        XCTAssertEqual(pending.map(\.id), [row.id])
        try await outbox.markPublished(id: row.id)
        let afterwards = try await outbox.unpublishedFinal()
        XCTAssertTrue(afterwards.isEmpty)
    }
}

extension Date {
    var timeIntervalSince1970Milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }
}
