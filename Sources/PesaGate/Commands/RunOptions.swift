import ArgumentParser

/// The flags of `pesagate run` beyond Kafka's (ARCHITECTURE.md's command-line contract).
struct RunOptions: ParsableArguments {
    @Option(help: "SMSC host:port (default: start the embedded SMSC simulator).")
    var smsc: String?

    @Option(name: .customLong("smpp-system-id"), help: "system_id for bind_transceiver.")
    var smppSystemID: String?

    @Option(name: .customLong("smpp-password"),
            help: "SMPP password (prefer PESAGATE_SMPP_PASSWORD: a flag shows in ps).")
    var smppPassword: String?

    @Option(name: .customLong("http-port"), help: "HTTP port of the USSD callback, metrics and dashboard (default 8080).")
    var httpPort: Int?

    @Option(help: "USSD menu directory (default ./menus).")
    var menus: String?

    var flags: [String: (flag: String, value: String)] {
        var flags: [String: (flag: String, value: String)] = [:]
        if let smsc { flags["smpp.smsc"] = ("smsc", smsc) }
        if let smppSystemID { flags["smpp.systemId"] = ("smpp-system-id", smppSystemID) }
        if let smppPassword { flags["smpp.password"] = ("smpp-password", smppPassword) }
        if let httpPort { flags["http.port"] = ("http-port", String(httpPort)) }
        if let menus { flags["menus"] = ("menus", menus) }
        return flags
    }
}
