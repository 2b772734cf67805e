import NIOCore
import NIOHTTP1
import NIOPosix

/// A minimal HTTP/1.1 client for form posts over one kept-alive connection, reopened when it drops.
///
/// The handset needs nothing more than an aggregator does: POST a form, read a short text body,
/// and give up after a time limit. One client per virtual handset keeps a load run from paying a
/// TCP handshake per hop.
public actor HTTPClient {
    private let host: String
    private let port: Int
    private let group: any EventLoopGroup
    private var channel: (any Channel)?

    public init(host: String, port: Int, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.host = host
        self.port = port
        group = eventLoopGroup
    }

    /// Posts `fields` form-encoded to `path`; throws ``HTTPClientError/timedOut(milliseconds:)`` when
    /// no complete answer came within `timeout` (the connection is then closed and reopened next time).
    public func postForm(path: String, fields: [(String, String)], timeout: Duration) async throws -> HTTPReply {
        let channel = try await connection()
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
        let body = channel.allocator.buffer(string: FormEncoding.encode(fields))
        head.headers.add(name: "Host", value: "\(host):\(port)")
        head.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        head.headers.add(name: "Content-Length", value: String(body.readableBytes))
        head.headers.add(name: "Accept", value: "text/plain")
        let reply = channel.eventLoop.makePromise(of: HTTPReply.self)
        let timer = channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(timeout.milliseconds) * 1_000_000)) {
            reply.fail(HTTPClientError.timedOut(milliseconds: timeout.milliseconds))
            channel.close(promise: nil)
        }
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { reply.fail($0) }
        channel.writeAndFlush(HTTPExchange(head: head, body: body, reply: reply), promise: written)
        defer { timer.cancel() }
        do {
            return try await reply.futureResult.get()
        } catch {
            // A connection that failed or timed out may still be closing: never reuse it.
            if self.channel === channel { self.channel = nil }
            channel.close(promise: nil)
            throw error
        }
    }

    /// Closes the connection; a later post opens a new one.
    public func close() async {
        try? await channel?.close()
        channel = nil
    }

    private func connection() async throws -> any Channel {
        if let channel, channel.isActive { return channel }
        do {
            let fresh = try await ClientBootstrap(group: group)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(.seconds(10))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(HTTPExchangeHandler())
                    }
                }
                .connect(host: host, port: port)
                .get()
            channel = fresh
            return fresh
        } catch {
            throw HTTPClientError.connectFailed("\(host):\(port): \(error)")
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down: how the aggregator and the scripts count time.
    public var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
