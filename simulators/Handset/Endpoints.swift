import Foundation
import HandsetKit

/// Where the gateway and the SMSC are, resolved once from the flags and `./data/smsc.address`.
struct Endpoints: Sendable {
    let gateway: GatewayAddress
    /// nil when no SMSC was given and `pesagate run` left no address file: SMS are then off.
    let smsc: (host: String, port: Int)?
    let rules: AggregatorRules
    /// system_id and password of the handsets' shared SMSC account.
    let smscAccount: (systemID: String, password: String)

    init(gatewayURL: String, smscFlag: String?, smscAccount: (String, String), answerLimitMillis: Int) {
        self.smscAccount = smscAccount
        // validate() has checked the URL already.
        gateway = GatewayAddress(url: gatewayURL) ?? GatewayAddress(host: "127.0.0.1", port: 8080, path: "/ussd")
        if let smscFlag {
            smsc = SMSReceiverConfiguration.parseAddress(smscFlag)
        } else if let data = FileManager.default.contents(atPath: "data/smsc.address") {
            smsc = SMSReceiverConfiguration.parseAddress(String(decoding: data, as: UTF8.self))
        } else {
            smsc = nil
        }
        rules = AggregatorRules(answerLimit: .milliseconds(answerLimitMillis))
    }

    func http() -> HTTPClient {
        HTTPClient(host: gateway.host, port: gateway.port)
    }

    func receiver(for msisdn: String) -> SMSReceiver? {
        smsc.map {
            SMSReceiver(configuration: SMSReceiverConfiguration(
                host: $0.host, port: $0.port, msisdn: msisdn, systemID: smscAccount.systemID, password: smscAccount.password))
        }
    }

    /// The load runner's settings for these endpoints: the parts `--load` and `--find-max` share.
    func loadConfiguration(
        handsets: Int, duration: Duration, msisdnBase: Int, seed: UInt64, faults: LoadFaults
    ) -> LoadConfiguration {
        var configuration = LoadConfiguration(gateway: gateway, smsc: smsc, handsets: handsets, duration: duration)
        configuration.msisdnBase = msisdnBase
        configuration.seed = seed
        configuration.faults = faults
        configuration.rules = rules
        configuration.smscSystemID = smscAccount.systemID
        configuration.smscPassword = smscAccount.password
        return configuration
    }

    var smscDescription: String {
        smsc.map { "\($0.host):\($0.port)" } ?? "none (give --smsc HOST:PORT, or run where ./data/smsc.address exists)"
    }
}

/// Writes to standard error, for messages that must not mix with a script's transcript.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
