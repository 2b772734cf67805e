import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// The tiny HTTP server Kannel's smsbox calls back with delivery reports (`GET /dlr?ref=…&type=…`),
/// on a loopback port the kernel picks. Final reports go to the current ``DeliveryTally``.
///
/// One listener serves every window of a run; ``tally`` is swapped per window. Each window's
/// messages carry their own references, so a late report from an earlier window is never counted
/// as a delivery of the current one.
final class DLRListener: Sendable {
    private let current = Mutex<DeliveryTally?>(nil)
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// Where the next reports are counted.
    var tally: DeliveryTally? {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    /// Serves while `body` runs (it gets the port), then shuts the server down.
    func serve<T: Sendable>(during body: (Int) async throws -> T) async throws -> T {
        let router = Router()
        router.get(RouterPath(DLRCallback.path)) { request, _ -> HTTPResponse.Status in
            guard let callback = DLRCallback(query: request.uri.query ?? "") else { return .badRequest }
            if callback.isFinal { self.tally?.record(callback.reference, delivered: callback.isDelivered) }
            return .ok
        }
        let (ready, readySignal) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                readySignal.yield(channel.localAddress?.port ?? 0)
                readySignal.finish()
            },
            logger: logger)
        let services = ServiceGroup(configuration: ServiceGroupConfiguration(services: [.init(service: application)], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // Ends the wait below when the server fails to start.
                defer { readySignal.finish() }
                try await services.run()
            }
            var ports = ready.makeAsyncIterator()
            guard let port = await ports.next() else { throw SMPPBenchError("the DLR listener did not start") }
            do {
                let result = try await body(port)
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                try? await group.waitForAll()
                throw error
            }
        }
    }
}
