import Logging
import ServiceLifecycle
import SMPP

/// The SMSC simulator hosted inside `pesagate run` when no `--smsc` is given: our ESME binds to it, and
/// handsets bind to it as receivers to get their SMS.
struct EmbeddedSMSC: Service {
    let server: SMSCServer
    let host: String

    var address: String { "\(host):\(server.port)" }

    static func start(settings: Settings, recordPath: String, logger: Logger) async throws -> EmbeddedSMSC {
        var configuration = SMSCConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = settings.embeddedSMSCPort
        configuration.systemID = settings.smppSystemID
        configuration.password = settings.smppPassword
        configuration.recordPath = recordPath
        let server = try await SMSCServer.bind(configuration: configuration, logger: logger)
        return EmbeddedSMSC(server: server, host: configuration.host)
    }

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await server.run()
        } onGracefulShutdown: {
            Task { await server.shutdown() }
        }
    }
}
