import Foundation
import NIOCore
import NIOPosix
import SMPP
import Synchronization

/// The phone's side of SMS: binds to the SMSC as a receiver for one MSISDN, answers every
/// `deliver_sm` with `deliver_sm_resp`, joins concatenated parts, and yields whole texts on ``inbox``.
///
/// Shaped like ``ESMEClient``: ``run()`` owns the connection and returns when it closes;
/// ``waitUntilBound()`` tells callers when messages can start to flow.
public final class SMSReceiver: Sendable {
    public let configuration: SMSReceiverConfiguration
    /// Every complete message, in arrival order; finishes when ``run()`` returns.
    public let inbox: AsyncStream<ReceivedSMS>
    private let inboxContinuation: AsyncStream<ReceivedSMS>.Continuation
    private let group: any EventLoopGroup
    private let gate = BindGate()
    private let channel = Mutex<(any Channel)?>(nil)
    private let stopped = Mutex(false)

    public init(configuration: SMSReceiverConfiguration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        group = eventLoopGroup
        (inbox, inboxContinuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// Returns once the SMSC accepted the bind; throws ``SMSReceiverError`` when it never will.
    public func waitUntilBound() async throws {
        try await gate.wait()
    }

    /// Connects, binds as receiver and serves until the link closes or ``close()`` is called.
    public func run() async throws {
        defer { inboxContinuation.finish() }
        do {
            try await serve()
            await gate.open(.failure(.closedBeforeBind))
        } catch {
            await gate.open(.failure((error as? SMSReceiverError) ?? .closedBeforeBind))
            throw error
        }
    }

    /// Closes the link; ``run()`` then returns.
    public func close() {
        stopped.withLock { $0 = true }
        channel.withLock { $0 }?.close(promise: nil)
    }

    private func serve() async throws {
        let async = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(5))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMPPInboundFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(SMPPFrameEncoder()))
                    return try NIOAsyncChannel<SMPPInboundFrame, SMPPMessage>(wrappingChannelSynchronously: channel)
                }
            }
        channel.withLock { $0 = async.channel }
        if stopped.withLock({ $0 }) { async.channel.close(promise: nil) }
        try await async.executeThenClose { inbound, outbound in
            let bind = BindRequest(
                systemID: configuration.systemID, password: configuration.password,
                addressRange: .international(configuration.msisdn)
            )
            try await outbound.write(SMPPMessage(sequenceNumber: 1, pdu: .bindReceiver(bind)))
            var session = ReceiverSession(msisdn: configuration.msisdn)
            for try await frame in inbound {
                guard case .message(let message) = frame else { continue }
                if case .bindReceiverResp = message.pdu {
                    guard message.status.isOK else { throw SMSReceiverError.bindRefused(message.status) }
                    await gate.open(.success(()))
                    continue
                }
                let step = session.receive(message)
                if let sms = step.delivered { inboxContinuation.yield(sms) }
                if let reply = step.reply { try await outbound.write(reply) }
                if step.close { return }
            }
        }
    }
}
