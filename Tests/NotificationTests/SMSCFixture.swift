import Foundation
import Logging
import SMPP
import Services

/// A running SMSC simulator on an ephemeral loopback port that records every message, plus an ESME
/// bound to it; everything stops in ``stop()``.
final class SMSCFixture: Sendable {
    let server: SMSCServer
    let recordPath: String
    let serverTask: Task<Void, Never>

    init(
        unrouted: SMSCConfiguration.UnroutedPolicy = .deliver, configure: (inout SMSCConfiguration) -> Void = { _ in }
    ) async throws {
        var configuration = SMSCConfiguration()
        configuration.unrouted = unrouted
        configure(&configuration)
        recordPath = Fixtures.temporaryPath("smsc.jsonl")
        configuration.recordPath = recordPath
        server = try await SMSCServer.bind(configuration: configuration, logger: .quiet)
        let server = server
        serverTask = Task { try? await server.run() }
    }

    /// The ESME settings of a link to this simulator, with short timeouts for tests.
    var esmeConfiguration: ESMEConfiguration {
        var configuration = ESMEConfiguration(host: "127.0.0.1", port: server.port)
        configuration.responseTimeout = .seconds(2)
        return configuration
    }

    var notificationConfiguration: NotificationConfiguration {
        var configuration = NotificationConfiguration()
        configuration.timeZone = .gmt
        configuration.textsPath = Fixtures.textsPath
        configuration.esme = esmeConfiguration
        configuration.pollInterval = .milliseconds(10)
        return configuration
    }

    /// Messages the simulator recorded so far.
    var messages: [RecordedMessage] { recorded(recordPath) }

    func stop() async {
        await server.shutdown()
        await serverTask.value
    }
}
