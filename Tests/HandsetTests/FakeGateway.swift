import HandsetKit
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A tiny USSD gateway on loopback for tests: records every request and answers each with what
/// the test's closure says, after an optional delay (to play a slow app).
final class FakeGateway: Sendable {
    struct Request: Sendable {
        var path: String
        var fields: [String: String]
    }

    struct Answer: Sendable {
        var status = 200
        var body: String
        var delay: Duration = .zero
    }

    let port: Int
    private let channel: any Channel
    private let log: RequestLog

    private init(channel: any Channel, log: RequestLog) {
        self.channel = channel
        self.log = log
        port = channel.localAddress?.port ?? 0
    }

    var requests: [Request] { log.all }
    var ussdRequests: [Request] { requests.filter { $0.path == "/ussd" } }
    var events: [Request] { requests.filter { $0.path == "/ussd/events" } }

    var address: GatewayAddress { GatewayAddress(host: "127.0.0.1", port: port, path: "/ussd") }

    /// `answer` is called for `/ussd` only; `/ussd/events` always gets 200 "OK".
    static func start(answer: @escaping @Sendable (Request) -> Answer) async throws -> FakeGateway {
        let log = RequestLog()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FakeGatewayHandler(answer: answer, record: log.append))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return FakeGateway(channel: channel, log: log)
    }

    func stop() async {
        try? await channel.close()
    }

    /// Every request, in arrival order, shared by all connections.
    private final class RequestLog: Sendable {
        private let requests = Mutex<[Request]>([])
        var all: [Request] { requests.withLock { $0 } }
        func append(_ request: Request) { requests.withLock { $0.append(request) } }
    }
}

private final class FakeGatewayHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let answer: @Sendable (FakeGateway.Request) -> FakeGateway.Answer
    private let record: @Sendable (FakeGateway.Request) -> Void
    private var path = ""
    private var body = ""

    init(answer: @escaping @Sendable (FakeGateway.Request) -> FakeGateway.Answer, record: @escaping @Sendable (FakeGateway.Request) -> Void) {
        self.answer = answer
        self.record = record
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            path = head.uri
            body = ""
        case .body(let buffer):
            body += String(buffer: buffer)
        case .end:
            let request = FakeGateway.Request(path: path, fields: FormDecoding.decode(body))
            record(request)
            let reply = path == "/ussd" ? answer(request) : FakeGateway.Answer(body: "OK")
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let send = { [self] in self.respond(loopBound.value, reply) }
            if reply.delay > .zero {
                context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(reply.delay.milliseconds))) { send() }
            } else {
                send()
            }
        }
    }

    private func respond(_ context: ChannelHandlerContext, _ reply: FakeGateway.Answer) {
        guard context.channel.isActive else { return }
        let buffer = context.channel.allocator.buffer(string: reply.body)
        var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status))
        head.headers.add(name: "Content-Type", value: "text/plain")
        head.headers.add(name: "Content-Length", value: String(buffer.readableBytes))
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}

/// Reads a form body back, as the real gateway does (`+` is a space, `%XX` a byte).
enum FormDecoding {
    static func decode(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            fields[unescape(parts[0])] = parts.count > 1 ? unescape(parts[1]) : ""
        }
        return fields
    }

    static func unescape(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
