import NIOCore
import NIOHTTP1
import NIOPosix

/// One kept-alive HTTP/1.1 connection that sends GET requests one after another: how the
/// benchmark talks to smsbox's sendsms and bearerbox's status page.
///
/// Kannel takes sendsms parameters only in the query string, which the handset's form-posting
/// client cannot send; this is the GET counterpart, on the same NIO HTTP codec. The benchmark
/// opens many of these at once, so the HTTP side never limits what Kannel is measured at.
struct KannelHTTPConnection {
    typealias Channel = NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>

    struct Reply: Sendable {
        var status: Int
        var body: String
    }

    private let host: String
    private var responses: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let requests: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

    /// Connects to `host:port`, runs `body` with the connection, and closes it.
    static func with<T: Sendable>(
        host: String, port: Int, _ body: (inout KannelHTTPConnection) async throws -> T
    ) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(5))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try Channel(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = KannelHTTPConnection(host: host, port: port, responses: inbound.makeAsyncIterator(), requests: outbound)
            return try await body(&connection)
        }
    }

    private init(host: String, port: Int, responses: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator,
                 requests: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>) {
        self.host = "\(host):\(port)"
        self.responses = responses
        self.requests = requests
    }

    /// GETs `uri` (path and query) and reads the whole reply.
    mutating func get(_ uri: String) async throws -> Reply {
        var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: uri)
        head.headers.add(name: "Host", value: host)
        try await requests.write(contentsOf: [.head(head), .end(nil)])
        var status = 0
        var body = ""
        while let part = try await responses.next() {
            switch part {
            case .head(let response): status = Int(response.status.code)
            case .body(let bytes): body += String(buffer: bytes)
            case .end: return Reply(status: status, body: body)
            }
        }
        throw SMPPBenchError("\(host) closed the connection before answering \(uri.prefix(40))")
    }
}
