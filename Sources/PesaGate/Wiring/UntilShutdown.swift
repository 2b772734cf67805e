import Logging
import ServiceLifecycle

/// A service that does nothing but hold the process open until SIGINT/SIGTERM, then runs `cleanup`.
/// It keeps resources that have no `run` of their own (the embedded cluster) alive for exactly as long
/// as the service group runs.
struct UntilShutdown: Service {
    let cleanup: @Sendable () -> Void

    func run() async throws {
        try? await gracefulShutdown()
        cleanup()
    }
}

extension ServiceGroup {
    /// A group that shuts down gracefully on SIGINT and SIGTERM.
    static func onSignals(_ services: [any Service], logger: Logger) -> ServiceGroup {
        ServiceGroup(configuration: .init(services: services.map { .init(service: $0) },
                                          gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    }
}
