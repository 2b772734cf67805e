import Logging
import NIOCore
import NIOPosix

/// A production ESME: binds as transceiver, keeps a window of submits in flight, paces them,
/// pauses the link when the SMSC asks, survives dead links, and matches delivery receipts.
///
/// ``run()`` owns the connection (connect, bind, serve, reconnect with backoff) and returns
/// after ``shutdown()``; ``submit(_:)`` may be called at any time and waits for the SMSC's
/// acceptance of every part, across reconnects.
public final class ESMEClient: Sendable {
    public let configuration: ESMEConfiguration
    private let engine: ESMEEngine
    private let group: any EventLoopGroup
    private let logger: Logger
    private let state = LinkState()

    /// Receipts matched to their parts, in arrival order; finishes after ``shutdown()``.
    /// One stream per client: iterate it from a single task (the notification service).
    public var receipts: AsyncStream<ReceiptEvent> { engine.receipts }

    public init(
        configuration: ESMEConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "esme")
    ) {
        self.configuration = configuration
        engine = ESMEEngine(configuration: configuration, logger: logger)
        group = eventLoopGroup
        self.logger = logger
    }

    /// Queues a message and returns once the SMSC accepted all its parts.
    ///
    /// Throws ``ESMEError/rejected(_:partNumber:)`` for a permanent refusal (never retried) and
    /// ``ESMEError/genericNack(sequenceNumber:status:)`` when the SMSC could not read a part.
    public func submit(_ message: OutgoingSMS) async throws -> [SubmittedPart] {
        let key = try await engine.enqueue(message)
        return try await engine.result(of: key)
    }

    /// Queues several messages in this order at once (the queue keeps it per destination) and
    /// waits for each outcome; for a batch from the outbox.
    public func submitInOrder(_ messages: [OutgoingSMS]) async -> [Result<[SubmittedPart], any Error>] {
        var outcomes: [Result<[SubmittedPart], any Error>] = []
        for ticket in await enqueueInOrder(messages) { outcomes.append(await outcome(of: ticket)) }
        return outcomes
    }

    /// Queues several messages in this order and returns at once with a ticket per message, so a
    /// caller can queue the next batch behind them before these are answered (the window then never
    /// runs dry between batches). ``outcome(of:)`` waits for one.
    public func enqueueInOrder(_ messages: [OutgoingSMS]) async -> [SubmissionTicket] {
        var tickets: [SubmissionTicket] = []
        for message in messages {
            do { tickets.append(SubmissionTicket(key: .success(try await engine.enqueue(message)))) } catch {
                tickets.append(SubmissionTicket(key: .failure(error)))
            }
        }
        return tickets
    }

    /// Waits until the SMSC accepted every part of the ticket's message, or one failed for good.
    public func outcome(of ticket: SubmissionTicket) async -> Result<[SubmittedPart], any Error> {
        switch ticket.key {
        case .success(let key):
            do { return .success(try await engine.result(of: key)) } catch { return .failure(error) }
        case .failure(let error):
            return .failure(error)
        }
    }

    /// Whether the link is bound right now.
    public var isBound: Bool { get async { await state.isBound } }

    /// How long the link has been down, or nil while it is bound.
    public var downFor: Duration? {
        get async { await state.downSince.map { ContinuousClock.now - $0 } }
    }

    /// Gives back every message none of whose parts the SMSC has accepted: each fails with
    /// ``ESMEError/withdrawn``, so a router can send it over another link. Messages already partly
    /// accepted stay, so no part goes out on two links. Meant for a link that is down (nothing in
    /// flight); returns how many were withdrawn.
    @discardableResult
    public func withdrawUnaccepted() async -> Int {
        await engine.withdrawUnaccepted()
    }

    /// Makes receipts for parts accepted before a restart match again: the outbox names the parts
    /// still waiting for a final receipt, and their receipts then arrive on ``receipts`` like any
    /// other (also one that came in before this call and was held).
    public func expectReceipts(for parts: [SubmittedPart]) async {
        await engine.expectReceipts(for: parts)
    }

    /// Waits until the link is bound (for tests and start-up ordering); returns at once when
    /// the client has stopped.
    public func waitUntilBound() async {
        await state.waitUntilBound()
    }

    /// Connects, binds and serves until ``shutdown()``; reconnects with backoff in between.
    /// Throws only ``ESMEError/bindFailed(_:)`` for credentials the SMSC refuses, since
    /// retrying those would only lock the account.
    public func run() async throws {
        var delay = configuration.reconnectDelay
        while await !engine.isClosed, !Task.isCancelled {
            do {
                if try await connectAndServe() { delay = configuration.reconnectDelay }
            } catch let error as ESMEError {
                if case .bindFailed = error {
                    await engine.close()
                    await engine.failAll()
                    await state.finish()
                    throw error
                }
                logger.info("link lost", metadata: ["error": "\(error)"])
            } catch {
                logger.info("link lost", metadata: ["error": "\(error)"])
            }
            await state.setBound(false)
            await engine.linkDown()
            guard await !engine.isClosed else { break }
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, configuration.maxReconnectDelay)
        }
        await engine.failAll()
        await state.finish()
    }

    /// Unbinds gracefully and makes ``run()`` return; unsent messages fail with ``ESMEError/closed``.
    ///
    /// Parts already in the window get up to ``ESMEConfiguration/responseTimeout`` to be
    /// answered first, so an accepted message is not reported as failed.
    public func shutdown() async {
        await engine.close()
        let deadline = ContinuousClock.now + configuration.responseTimeout
        while await engine.hasWorkInFlight, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        await state.unbind()
    }

    /// One connection's life; true when it got as far as a bind (so the backoff starts over).
    private func connectAndServe() async throws -> Bool {
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(5))
            .connect(host: configuration.host, port: configuration.port) { SMPPAsyncChannel.wrapSMPP($0) }
        return try await channel.executeThenClose { inbound, outbound in
            var frames = inbound.makeAsyncIterator()
            try await bind(frames: &frames, outbound: outbound)
            let wake = await engine.linkUp()
            let sequenceForUnbind = await engine.allocateSequence()
            let raw = channel.channel
            let grace = TimeAmount.nanoseconds(configuration.responseTimeout.nanoseconds)
            await state.setBound(true, unbind: {
                try? await outbound.write(SMPPMessage(sequenceNumber: sequenceForUnbind, pdu: .unbind))
                // An SMSC that never answers the unbind must not keep us from stopping.
                raw.eventLoop.scheduleTask(in: grace) { raw.close(promise: nil) }
            })
            do {
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    tasks.addTask { try await self.sendLoop(outbound: outbound, wake: wake) }
                    tasks.addTask { try await self.keepAliveLoop(outbound: outbound, channel: raw) }
                    defer { tasks.cancelAll() }
                    try await ESMEReader(engine: engine, outbound: outbound).read(&frames)
                }
            } catch {
                logger.info("link ended", metadata: ["error": "\(error)"])
            }
            return true
        }
    }

    private func bind(
        frames: inout NIOAsyncChannelInboundStream<SMPPInboundFrame>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<SMPPMessage>
    ) async throws {
        let sequence = await engine.allocateSequence()
        let request = BindRequest(systemID: configuration.systemID, password: configuration.password, systemType: configuration.systemType)
        try await outbound.write(SMPPMessage(sequenceNumber: sequence, pdu: .bindTransceiver(request)))
        while let frame = try await frames.next() {
            guard case .message(let message) = frame else { continue }
            switch message.pdu {
            case .bindTransceiverResp, .genericNack:
                guard message.status.isOK else { throw ESMEError.bindFailed(message.status) }
                return
            case .enquireLink:
                try await outbound.write(SMPPMessage(sequenceNumber: message.sequenceNumber, pdu: .enquireLinkResp))
            default:
                continue
            }
        }
        throw ESMEError.closed
    }

    private func sendLoop(outbound: NIOAsyncChannelOutboundWriter<SMPPMessage>, wake: AsyncStream<Void>) async throws {
        var signals = wake.makeAsyncIterator()
        while !Task.isCancelled {
            let (messages, then) = await engine.nextSends()
            if !messages.isEmpty { try await outbound.write(contentsOf: messages) }
            switch then {
            case .send:
                continue
            case .wait(let until):
                try await Task.sleep(until: until, clock: .continuous)
            case .idle:
                guard await signals.next() != nil else { return }
            }
        }
    }

    private func keepAliveLoop(outbound: NIOAsyncChannelOutboundWriter<SMPPMessage>, channel: any Channel) async throws {
        let tick = min(configuration.enquireLinkInterval, configuration.responseTimeout) / 4
        while !Task.isCancelled {
            try await Task.sleep(for: max(tick, .milliseconds(10)))
            switch await engine.keepAliveTick() {
            case .nothing: continue
            case .send(let message): try await outbound.write(message)
            case .deadLink:
                logger.warning("dead link: no response in time, reconnecting")
                try? await channel.close()
                return
            }
        }
    }
}

extension Duration {
    /// Whole nanoseconds, for NIO's `TimeAmount`.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
