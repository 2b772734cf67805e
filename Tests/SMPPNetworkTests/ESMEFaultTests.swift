import NIOCore
import NIOPosix
import XCTest

@testable import SMPP

/// The ESME under the simulator's injected faults.
final class ESMEFaultTests: XCTestCase {
    func testThrottling_pausesTheLink_andKeepsPerDestinationOrder() async throws {
        let smsc = try await RunningSMSC.start { $0.faults.throttlePerSecond = 4 }
        let esme = await RunningESME.start(port: smsc.server.port)
        let messages = (1...5).flatMap { index in
            ["254700000001", "254700000002"].map { OutgoingSMS(reference: "\($0)-\(index)", to: $0, text: "\($0) message \(index)") }
        }
        let outcomes = await esme.client.submitInOrder(messages)
        let accepted = try outcomes.map { try $0.get() }
        XCTAssertTrue(accepted.joined().contains { $0.attempts > 1 }, "the SMSC throttled some parts")
        let records = try await smsc.waitForRecords(messages.count)
        XCTAssertEqual(records.count, messages.count)
        for destination in ["254700000001", "254700000002"] {
            let texts = records.filter { $0.destination == destination }.map(\.text)
            XCTAssertEqual(texts, (1...5).map { "\(destination) message \($0)" })
        }
        await esme.stop()
        await smsc.stop()
    }

    func testQueueFull_isRetriedAfterAPause_andEveryMessageArrivesOnceInOrder() async throws {
        let smsc = try await RunningSMSC.start {
            $0.faults.seed = 42
            $0.faults.queueFullProbability = 0.3
        }
        let esme = await RunningESME.start(port: smsc.server.port) { $0.throttlePause = .milliseconds(20) }
        let messages = (1...8).map { OutgoingSMS(reference: "q\($0)", to: "254700000400", text: "queue \($0)") }
        let outcomes = await esme.client.submitInOrder(messages)
        let parts = try outcomes.map { try XCTUnwrap(try $0.get().first) }
        XCTAssertTrue(parts.contains { $0.attempts > 1 }, "seed 42 refuses some submits with ESME_RMSGQFUL")
        let records = try await smsc.waitForRecords(8)
        XCTAssertEqual(records.map(\.text), messages.map(\.text))
        await esme.stop()
        await smsc.stop()
    }

    func testRateLimit_spacesPartsPerSecond() async throws {
        let smsc = try await RunningSMSC.start()
        let esme = await RunningESME.start(port: smsc.server.port) { $0.partsPerSecond = 20 }
        await esme.client.waitUntilBound()
        let start = ContinuousClock.now
        let messages = (0..<10).map { OutgoingSMS(reference: "\($0)", to: "25470000010\($0)", text: "rate \($0)") }
        let outcomes = await esme.client.submitInOrder(messages)
        XCTAssertEqual(outcomes.filter { (try? $0.get()) != nil }.count, 10)
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - start, .milliseconds(440), "10 parts at 20/s take at least 0.45 s")
        await esme.stop()
        await smsc.stop()
    }

    func testDroppedConnectionMidWindow_resendsOnlyUnacknowledgedParts() async throws {
        let smsc = try await RunningSMSC.start { $0.faults.dropConnectionAfterSubmits = 4 }
        let esme = await RunningESME.start(port: smsc.server.port)
        let messages = (1...6).map { OutgoingSMS(reference: "m\($0)", to: "25470000020\($0)", text: "window \($0)") }
        let outcomes = await esme.client.submitInOrder(messages)
        let parts = try outcomes.map { try XCTUnwrap(try $0.get().first) }
        XCTAssertEqual(parts.prefix(3).map(\.attempts), [1, 1, 1], "acknowledged parts are not resent")
        XCTAssertEqual(parts[3].attempts, 2, "the part the SMSC never answered is resent")
        let records = try await smsc.waitForRecords(6)
        XCTAssertEqual(records.map(\.text).sorted(), messages.map(\.text).sorted(), "every message arrives exactly once")
        await esme.stop()
        await smsc.stop()
    }

    func testResponsesOutOfOrder_areMatchedBySequenceNumber() async throws {
        let smsc = try await RunningSMSC.start { $0.faults.reorderResponses = true }
        let esme = await RunningESME.start(port: smsc.server.port)
        let messages = (1...5).map { OutgoingSMS(reference: "o\($0)", to: "25470000030\($0)", text: "order \($0)") }
        let outcomes = await esme.client.submitInOrder(messages)
        let ids = try outcomes.map { try XCTUnwrap(try $0.get().first?.messageID) }
        let records = try await smsc.waitForRecords(5)
        for (message, id) in zip(messages, ids) {
            XCTAssertEqual(records.first { $0.text == message.text }?.messageIDs, [id], "each message gets its own id back")
        }
        await esme.stop()
        await smsc.stop()
    }

    func testReceiptBeforeItsSubmitResponse_isHeldAndMatched() async throws {
        // The held response goes out 50 ms late; the receipt is sent at once, so it comes first.
        let smsc = try await RunningSMSC.start {
            $0.faults.reorderResponses = true
            $0.unrouted = .deliver
        }
        let esme = await RunningESME.start(port: smsc.server.port)
        let receipts = await ReceiptCollector.start(esme.client.receipts)
        let parts = try await esme.client.submit(OutgoingSMS(reference: "early", to: "254700123456", text: "hi"))
        let events = try await receipts.waitFor(1)
        XCTAssertEqual(events.map(\.part), parts)
        XCTAssertEqual(events.first?.receipt.state, .delivered)
        await esme.stop()
        await smsc.stop()
    }

    func testMissingEnquireLinkResponse_isADeadLink_andTheClientRebinds() async throws {
        let fake = try await SilentSMSC.start()
        let esme = await RunningESME.start(port: fake.port) {
            $0.enquireLinkInterval = .milliseconds(100)
            $0.responseTimeout = .milliseconds(200)
        }
        let deadline = ContinuousClock.now + .seconds(3)
        while await fake.binds.count < 2, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let binds = await fake.binds.count
        XCTAssertGreaterThanOrEqual(binds, 2, "the client reconnected and bound again")
        await esme.stop()
        await fake.stop()
    }

    func testIncomingDeliverSM_isAnsweredEvenWhenTheWindowIsFull() async throws {
        let fake = try await SilentSMSC.start(pushReceipt: true)
        let esme = await RunningESME.start(port: fake.port) {
            $0.windowSize = 1
            $0.responseTimeout = .seconds(1)
        }
        let submit = Task { try await esme.client.submit(OutgoingSMS(reference: "stuck", to: "254700123456", text: "hi")) }
        let deadline = ContinuousClock.now + .seconds(2)
        while await fake.receiptAnswers.count == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        let answers = await fake.receiptAnswers.count
        XCTAssertGreaterThanOrEqual(answers, 1, "deliver_sm_resp went out while the only window slot was taken")
        submit.cancel()
        await esme.stop()
        await fake.stop()
    }
}

/// An SMSC that accepts binds and then never answers anything: a link that died silently.
/// With `pushReceipt` it answers a submit with a receipt `deliver_sm` instead of a response.
final class SilentSMSC: Sendable {
    actor Counter {
        var count = 0
        func increment() { count += 1 }
    }

    struct Counters: Sendable {
        let binds = Counter()
        let receiptAnswers = Counter()
    }

    let port: Int
    private let counters: Counters
    var binds: Counter { counters.binds }
    var receiptAnswers: Counter { counters.receiptAnswers }
    private let listener: NIOAsyncChannel<SMPPAsyncChannel, Never>
    private let task: Task<Void, Never>

    private init(listener: NIOAsyncChannel<SMPPAsyncChannel, Never>, counters: Counters, pushReceipt: Bool) {
        self.listener = listener
        self.counters = counters
        port = listener.channel.localAddress?.port ?? 0
        task = Task {
            try? await withThrowingDiscardingTaskGroup { group in
                try await listener.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { try? await SilentSMSC.serve(connection, counters: counters, pushReceipt: pushReceipt) }
                    }
                }
            }
        }
    }

    static func start(pushReceipt: Bool = false) async throws -> SilentSMSC {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { SMPPAsyncChannel.wrapSMPP($0) }
        return SilentSMSC(listener: listener, counters: Counters(), pushReceipt: pushReceipt)
    }

    private static func serve(_ connection: SMPPAsyncChannel, counters: Counters, pushReceipt: Bool) async throws {
        try await connection.executeThenClose { inbound, outbound in
            for try await frame in inbound {
                guard case .message(let message) = frame else { continue }
                switch message.pdu {
                case .bindTransceiver:
                    await counters.binds.increment()
                    try await outbound.write(SMPPMessage(sequenceNumber: message.sequenceNumber, pdu: .bindTransceiverResp(BindResponse(systemID: "silent"))))
                case .submitSM where pushReceipt:
                    // Leave the submit unanswered (the window stays full) and push a receipt.
                    let receipt = DeliveryReceipt(messageID: "1", state: .delivered)
                        .deliverSM(source: .international("254700123456"), destination: .alphanumeric("MPESA"))
                    try await outbound.write(SMPPMessage(sequenceNumber: 77, pdu: .deliverSM(receipt)))
                case .deliverSMResp where message.sequenceNumber == 77:
                    await counters.receiptAnswers.increment()
                default:
                    continue
                }
            }
        }
    }

    func stop() async {
        try? await listener.channel.close()
        task.cancel()
        await task.value
    }
}
