import Foundation
import Hummingbird
import Kafka
import Ledger
import Logging
import Messaging
import Payments
import ServiceLifecycle
import Services
import USSD
import USSDGateway

/// The HTTP ingress of `pesagate run`: the USSD callback (`POST /ussd`, `POST /ussd/events`), plus
/// whatever `operatorRoutes` adds on the same port (metrics, dashboard).
struct GatewaySetup {
    var services: [any Service]
    var ussdURL: String
    /// `http://host:port` of the same server (dashboard, metrics).
    var baseURL: String { String(ussdURL.dropLast("/ussd".count)) }

    /// The `handset` built next to this `pesagate` (scripts/run.sh builds both), dialling as the seed's sender.
    func handsetCommand(smsc: String) -> String {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        let handset = FileManager.default.isExecutableFile(atPath: directory + "/handset") ? directory + "/handset" : "swift run handset"
        return "\(handset) --gateway \(ussdURL) --msisdn 254700123456 --smsc \(smsc)"
    }

    static func http(_ settings: Settings, menu: Menu, ledger: LedgerDatabase, kafka: KafkaConfiguration,
                     tariffs: TariffTable, logger: Logger,
                     operatorRoutes: (Router<USSDRequestContext>) -> Void = { _ in }) async throws -> GatewaySetup {
        // Its own producer: its message timeout sits inside the hop's time budget, so librdkafka gives a
        // final answer (acknowledged, or certainly/possibly not persisted) before the aggregator gives up.
        var producerConfiguration = ProducerConfiguration(cluster: kafka)
        producerConfiguration.messageTimeout = .milliseconds(settings.messageTimeoutMs)
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger)
        var configuration = USSDGatewayConfiguration()
        configuration.serviceCodes = [settings.serviceCode]
        configuration.producerMessageTimeout = .milliseconds(settings.messageTimeoutMs)
        let clock = StartedClock(start: settings.clockStart)
        let gateway = USSDGateway(
            configuration: configuration, menu: menu, ledger: ledger, publisher: EventPublisher(producer: producer),
            fees: TariffFees(table: tariffs), transactionIDs: TransactionIDGenerator(now: { clock.now() }), logger: logger,
            now: { clock.now() })
        let router = USSDRoutes.router(gateway: gateway)
        operatorRoutes(router)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort), serverName: "pesagate"),
            logger: logger)
        return GatewaySetup(services: [producer, application],
                            ussdURL: "http://\(settings.httpHost):\(settings.httpPort)/ussd")
    }
}

/// The confirm screen's fee comes from the same tariff table revenue charges, so the subscriber is shown
/// exactly what will be taken.
struct TariffFees: FeeQuoting {
    let table: TariffTable

    func fee(transactionType: String, amount: Int) -> Int {
        let type = TransactionType(rawValue: transactionType)
        return Int(table.fee(for: Money(amount: Int64(amount)), type: type)?.amount ?? 0)
    }
}
