import Foundation
import SMPP

/// The command line of `smpp-interop`, parsed by hand: the driver needs nothing beyond SMPP.
struct InteropOptions: Sendable {
    static let usage = """
        usage: smpp-interop --port P --system-id ID --password PW --messages FILE [options]
          --host H                  SMSC address (default 127.0.0.1)
          --system-type T           system_type of the bind (default empty)
          --message-id-base B       hex or decimal: how this SMSC writes ids (default hex)
          --receipt-timeout-ms N    how long to wait for every part's final receipt (default 20000)
          --window N                requests in flight (default 10)

        FILE is a JSON array of {"reference", "to", "text", "source"?} objects. Every message is
        sent with registered_delivery; one JSON line per message is printed with the parts the
        SMSC accepted and the receipts our ESME matched to them. Exit status 1 when a message was
        refused or a receipt did not come in time, 2 on a usage error.
        """

    var configuration = ESMEConfiguration()
    var messagesPath = ""
    var receiptTimeout: Duration = .seconds(20)

    /// Reads the arguments; throws the message to print with the usage.
    init(arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        func value(_ flag: String) throws(UsageError) -> String {
            guard let next = rest.popFirst() else { throw UsageError("\(flag) needs a value") }
            return next
        }
        func number(_ flag: String) throws(UsageError) -> Int {
            let raw = try value(flag)
            guard let parsed = Int(raw), parsed > 0 else { throw UsageError("\(flag): not a positive number: \(raw)") }
            return parsed
        }
        var sawPort = false
        while let flag = rest.popFirst() {
            switch flag {
            case "--host": configuration.host = try value(flag)
            case "--port":
                configuration.port = try number(flag)
                sawPort = true
            case "--system-id": configuration.systemID = try value(flag)
            case "--password": configuration.password = try value(flag)
            case "--system-type": configuration.systemType = try value(flag)
            case "--messages": messagesPath = try value(flag)
            case "--message-id-base":
                let raw = try value(flag)
                guard let base = MessageID.Base(rawValue: raw) else { throw UsageError("--message-id-base takes hex or decimal") }
                configuration.messageIDBase = base
            case "--receipt-timeout-ms": receiptTimeout = .milliseconds(try number(flag))
            case "--window": configuration.windowSize = try number(flag)
            case "--help", "-h": throw UsageError(nil)
            default: throw UsageError("unknown option \(flag)")
            }
        }
        guard sawPort else { throw UsageError("--port is required") }
        guard !messagesPath.isEmpty else { throw UsageError("--messages is required") }
    }

    /// Why the command line could not be used; nil for `--help`.
    struct UsageError: Error {
        var message: String?
        init(_ message: String?) { self.message = message }
    }
}
