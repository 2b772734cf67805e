import Foundation
import Hummingbird
import NIOCore
import Payments
import Services

/// `GET /notifications/{msisdn}/events`: the subscriber's payment confirmations as a Server-Sent
/// Events stream, for the operator's app (the SMS stays the durable channel; the stream is live only).
///
/// The request must carry `Authorization: Bearer <token>` with the MSISDN's token
/// (``AppNotificationTokens``); a wrong or missing token gets 401 without saying whether the number
/// exists. The stream opens with a comment and a `retry` hint, sends a keep-alive comment while
/// quiet, and ends when the client goes away (the next write fails) or the gateway stops.
enum AppNotificationRoutes {
    static func add<Context: RequestContext>(
        to router: Router<Context>, hub: AppNotificationHub, tokens: AppNotificationTokens,
        keepAlive: Duration = .seconds(15)
    ) {
        router.get("notifications/:msisdn/events") { request, context -> Response in
            guard let raw = context.parameters.get("msisdn"), let msisdn = try? MSISDN(parsing: raw) else {
                return plain(.badRequest, "not a valid MSISDN: use e.g. 254700123456\n")
            }
            guard let token = bearerToken(request.headers[.authorization]), tokens.isValid(token, for: msisdn) else {
                var response = plain(.unauthorized, "a valid bearer token for this MSISDN is required\n")
                response.headers[.wwwAuthenticate] = "Bearer realm=\"pesagate-notifications\""
                return response
            }
            let notifications = await hub.subscribe(msisdn: msisdn)
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: ServerSentEvent.opening(retryMilliseconds: 3_000)))
                    for await chunk in chunks(of: notifications, keepAlive: keepAlive) {
                        try await writer.write(ByteBuffer(string: chunk))
                    }
                    try await writer.finish(nil)
                })
        }
    }

    /// The stream's text: each notification as an event, with a keep-alive comment in every quiet
    /// `keepAlive` period. Ends when the hub ends the subscription.
    static func chunks(of notifications: AsyncStream<AppNotification>, keepAlive: Duration) -> AsyncStream<String> {
        AsyncStream { continuation in
            let pump = Task {
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await notification in notifications { continuation.yield(ServerSentEvent(notification).text) }
                        continuation.finish()
                    }
                    group.addTask {
                        while (try? await Task.sleep(for: keepAlive)) != nil { continuation.yield(ServerSentEvent.keepAlive) }
                    }
                    await group.next()
                    group.cancelAll()
                }
            }
            continuation.onTermination = { _ in pump.cancel() }
        }
    }

    static func bearerToken(_ header: String?) -> String? {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        return header.dropFirst(7).trimmingCharacters(in: .whitespaces)
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
