import Foundation
import Kafka
import Ledger
import Logging
import ServiceLifecycle
import Services
import USSD

/// The HTTP ingress of `pesagate run`: the USSD callback (and later metrics and the dashboard).
struct GatewaySetup {
    var services: [any Service]
    var ussdURL: String

    func handsetCommand(smsc: String) -> String {
        "swift run -c release handset --gateway \(ussdURL) --msisdn 254700123456 --smsc \(smsc)"
    }

    static func http(_ settings: Settings, menu: Menu, ledger: LedgerDatabase, kafka: KafkaConfiguration,
                     hub: AppNotificationHub, logger: Logger) async throws -> GatewaySetup {
        GatewaySetup(services: [], ussdURL: "http://\(settings.httpHost):\(settings.httpPort)/ussd")
    }
}
