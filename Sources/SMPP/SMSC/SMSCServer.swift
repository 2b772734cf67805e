import Logging
import NIOCore
import NIOPosix

/// An SMPP 3.4 SMSC simulator: binds, accepts `submit_sm`/`data_sm`, sends receipts, routes
/// messages to handsets bound as receivers, records what arrived, and injects faults on demand.
///
/// Shaped like NIO's TCP echo server: a listening `NIOAsyncChannel`, each connection handled in
/// a discarding task group with its errors caught there, so one bad client never stops the rest.
public final class SMSCServer: Sendable {
    private let listener: NIOAsyncChannel<SMPPAsyncChannel, Never>
    private let core: SMSCCore
    private let logger: Logger

    /// The port the server listens on (useful with port 0).
    public let port: Int

    private init(listener: NIOAsyncChannel<SMPPAsyncChannel, Never>, core: SMSCCore, logger: Logger) {
        self.listener = listener
        self.core = core
        self.logger = logger
        port = listener.channel.localAddress?.port ?? 0
    }

    /// Opens the listening socket; call ``run()`` to serve.
    public static func bind(
        configuration: SMSCConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "smsc-sim")
    ) async throws -> SMSCServer {
        let core = try SMSCCore(configuration: configuration, logger: logger)
        let listener = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: configuration.host, port: configuration.port) { channel in
                SMPPAsyncChannel.wrapSMPP(channel)
            }
        return SMSCServer(listener: listener, core: core, logger: logger)
    }

    /// Serves connections until the listener is closed (``shutdown()``) or the task is cancelled.
    public func run() async throws {
        var nextID = 0
        try await withThrowingDiscardingTaskGroup { group in
            try await listener.executeThenClose { connections in
                for try await connection in connections {
                    nextID += 1
                    let id = nextID
                    group.addTask { await self.serve(connection, id: id) }
                }
            }
            group.cancelAll()
        }
        await core.stop()
    }

    /// Stops listening; ``run()`` then closes every connection and returns.
    public func shutdown() async {
        try? await listener.channel.close()
    }

    private func serve(_ connection: SMPPAsyncChannel, id: SMSCConnectionID) async {
        var session = SMSCSession()
        let channel = connection.channel
        do {
            try await connection.executeThenClose { inbound, outbound in
                let close: @Sendable () -> Void = { channel.close(promise: nil) }
                for try await frame in inbound {
                    switch session.receive(frame) {
                    case .reply(let message):
                        try await outbound.write(message)
                    case .replyAndClose(let message):
                        try await outbound.write(message)
                        return
                    case .authenticate(let kind, let request, let sequence):
                        let status = await core.authenticate(request, kind: kind, connection: id, writer: outbound, close: close)
                        session.bindFinished(status, kind: kind)
                        let body = BindResponse(systemID: status.isOK ? core.configuration.systemIDForResponse : "")
                        try await outbound.write(SMPPMessage(sequenceNumber: sequence, status: status, pdu: kind.response(body)))
                        if status.isOK { await core.bindAnswered(connection: id) }
                    case .submit(let submit, let sequence):
                        let goOn = await core.submit(
                            DeliverSM(forwarding: submit), wantsReceipt: submit.registeredDelivery,
                            isDataSM: false, sequenceNumber: sequence, connection: id
                        )
                        if !goOn { return }
                    case .dataSM(let data, let sequence):
                        let goOn = await core.submit(
                            DeliverSM(forwarding: data), wantsReceipt: data.registeredDelivery,
                            isDataSM: true, sequenceNumber: sequence, connection: id
                        )
                        if !goOn { return }
                    case .deliveredToHandset(let sequence, let status):
                        await core.handsetAnswered(sequenceNumber: sequence, status: status, connection: id)
                    case .ignore:
                        break
                    }
                }
            }
        } catch {
            logger.debug("connection ended", metadata: ["connection": "\(id)", "error": "\(error)"])
        }
        await core.disconnected(id)
    }
}

extension SMSCConfiguration {
    /// The name the simulator gives itself in bind responses.
    var systemIDForResponse: String { "smsc-sim" }
}
