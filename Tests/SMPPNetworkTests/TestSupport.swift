import Foundation
import Logging
import NIOCore
import NIOPosix
import XCTest

@testable import SMPP

/// The seed's confirmation text (issue 7 acceptance).
let seedConfirmation =
    "Confirmed. Ksh5,000.00 sent to 254711987654 on 2/9/24 at 2:30 PM. New balance is Ksh19,985.00. Transaction cost Ksh15.00."

/// A running simulator for one test; `stop()` closes it and waits for it.
struct RunningSMSC {
    let server: SMSCServer
    let task: Task<Void, any Error>
    let recordPath: String

    static func start(_ configure: (inout SMSCConfiguration) -> Void = { _ in }) async throws -> RunningSMSC {
        var configuration = SMSCConfiguration()
        configuration.systemID = "pesagate"
        configuration.password = "secret"
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("smsc-\(UUID().uuidString).jsonl").path
        configuration.recordPath = path
        configure(&configuration)
        var logger = Logger(label: "test-smsc")
        logger.logLevel = .critical
        let server = try await SMSCServer.bind(configuration: configuration, logger: logger)
        let task = Task { try await server.run() }
        return RunningSMSC(server: server, task: task, recordPath: path)
    }

    func records() throws -> [RecordedMessage] {
        guard FileManager.default.fileExists(atPath: recordPath) else { return [] }
        return try RecordedMessage.readAll(path: recordPath)
    }

    /// Polls the recording until `count` messages are in (the server writes it after answering).
    func waitForRecords(_ count: Int, timeout: Duration = .seconds(3)) async throws -> [RecordedMessage] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let found = try records()
            if found.count >= count { return found }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try records()
    }

    func stop() async {
        await server.shutdown()
        _ = try? await task.value
        try? FileManager.default.removeItem(atPath: recordPath)
    }
}

/// An ESME client with test-friendly timings, running until `stop()`.
struct RunningESME {
    let client: ESMEClient
    let task: Task<Void, any Error>

    static func start(port: Int, _ configure: (inout ESMEConfiguration) -> Void = { _ in }) async -> RunningESME {
        var configuration = ESMEConfiguration(port: port, systemID: "pesagate", password: "secret")
        configuration.responseTimeout = .seconds(2)
        configuration.reconnectDelay = .milliseconds(50)
        configuration.throttlePause = .milliseconds(100)
        configure(&configuration)
        var logger = Logger(label: "test-esme")
        logger.logLevel = .critical
        let client = ESMEClient(configuration: configuration, logger: logger)
        let task = Task { try await client.run() }
        return RunningESME(client: client, task: task)
    }

    func stop() async {
        await client.shutdown()
        _ = try? await task.value
    }
}

/// A bare SMPP peer for poking the simulator byte by byte: binds, sends, reads with a deadline.
final class RawSMPPPeer {
    private let channel: any Channel
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var frames: NIOAsyncChannelInboundStream<SMPPInboundFrame>.AsyncIterator
    private var nextSequence: UInt32 = 1

    private init(
        channel: any Channel, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        frames: NIOAsyncChannelInboundStream<SMPPInboundFrame>.AsyncIterator
    ) {
        self.channel = channel
        self.outbound = outbound
        self.frames = frames
    }

    /// Connects, runs `body` with the peer, and closes the connection afterwards.
    static func session<T>(port: Int, _ body: (RawSMPPPeer) async throws -> T) async throws -> T {
        let asyncChannel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMPPInboundFrameDecoder()))
                    return try NIOAsyncChannel<SMPPInboundFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let raw = asyncChannel.channel
        return try await asyncChannel.executeThenClose { inbound, outbound in
            let peer = RawSMPPPeer(channel: raw, outbound: outbound, frames: inbound.makeAsyncIterator())
            return try await body(peer)
        }
    }

    @discardableResult
    func send(_ pdu: PDU, sequenceNumber: UInt32? = nil, status: CommandStatus = .ok) async throws -> UInt32 {
        let sequence = sequenceNumber ?? nextSequence
        nextSequence = max(nextSequence, sequence) + 1
        var buffer = ByteBuffer()
        try SMPPMessage(sequenceNumber: sequence, status: status, pdu: pdu).encode(into: &buffer)
        try await outbound.write(buffer)
        return sequence
    }

    func sendBytes(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// The next PDU, or nil if the peer closed; fails the test after `timeout`.
    func receive(timeout: TimeAmount = .seconds(3)) async throws -> SMPPMessage? {
        let raw = channel
        let guardTask = raw.eventLoop.scheduleTask(in: timeout) { raw.close(promise: nil) }
        defer { guardTask.cancel() }
        while let frame = try await frames.next() {
            if case .message(let message) = frame { return message }
        }
        return nil
    }

    func bind(
        _ kind: SMSCSession.BindKind = .transceiver, systemID: String = "pesagate", password: String = "secret",
        addressRange: String = ""
    ) async throws -> SMPPMessage? {
        let request = BindRequest(systemID: systemID, password: password, addressRange: Address(ton: .international, npi: .isdn, addressRange))
        switch kind {
        case .transmitter: try await send(.bindTransmitter(request))
        case .receiver: try await send(.bindReceiver(request))
        case .transceiver: try await send(.bindTransceiver(request))
        }
        return try await receive()
    }

    func close() async {
        try? await channel.close()
    }
}

/// Collects receipts in the background, so a test can check that none came yet.
actor ReceiptCollector {
    private(set) var events: [ReceiptEvent] = []
    private var task: Task<Void, Never>?

    static func start(_ stream: AsyncStream<ReceiptEvent>) async -> ReceiptCollector {
        let collector = ReceiptCollector()
        await collector.run(stream)
        return collector
    }

    private func run(_ stream: AsyncStream<ReceiptEvent>) {
        task = Task {
            for await event in stream { self.append(event) }
        }
    }

    private func append(_ event: ReceiptEvent) { events.append(event) }

    func waitFor(_ count: Int, timeout: Duration = .seconds(3)) async throws -> [ReceiptEvent] {
        let deadline = ContinuousClock.now + timeout
        while events.count < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        return events
    }
}
