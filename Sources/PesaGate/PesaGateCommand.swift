import ArgumentParser

/// `pesagate`: the USSD-to-Kafka-to-SMS mobile-money gateway and its operator tools.
@main
struct PesaGateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pesagate",
        abstract: "PesaGate: the *334# mobile-money channel gateway (USSD in, Kafka pipeline, SMS out over SMPP).",
        subcommands: [
            RunCommand.self, BrokerCommand.self, TopicsCommand.self, BenchCommand.self, MenusCommand.self,
            ConfigCommand.self, EventsCommand.self, ServiceCommand.self, AccountsCommand.self, DLQCommand.self,
            AuditCommand.self,
        ])
}
