import Dispatch
import Foundation
import Logging
import SMPP

// smsc-sim: the SMSC simulator as a process, for `pesagate run`, the bench and interop tests.
// Options are parsed by hand: the executable needs nothing beyond SMPP.

let usage = """
    usage: smsc-sim --port P --system-id ID --password PW [options]
      --host H                  listen address (default 127.0.0.1)
      --handset-system-id ID    account handsets share (default handset)
      --handset-password PW     (default handset)
      --receipt-delay-ms N      wait before a receipt (default 0)
      --expiry-ms N             how long a message for an absent handset waits (default 30000)
      --unrouted expire|deliver what to do without a handset (default expire)
      --record FILE             append every complete message as a JSON line
      --seed K                  seed for the faults below (default 1)
      --throttle N              ESME_RTHROTTLED above N submits per second
      --queue-full P            ESME_RMSGQFUL with probability P
      --generic-nack P          generic_nack with probability P
      --lose-receipts P         drop receipts with probability P
      --receipt-extra-delay-ms N
      --drop-after N            drop the ESME connection at its N-th submit (once)
      --reorder                 answer submits in swapped pairs
      --verbose                 log every bind and fault
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n" + usage + "\n").utf8))
    exit(2)
}

/// Reads the command line into a configuration; exits with the usage on a mistake.
func parseArguments(_ list: [String]) -> (SMSCConfiguration, verbose: Bool) {
    var configuration = SMSCConfiguration()
    var verbose = false
    var arguments = list[...]
    func value(_ flag: String) -> String {
        guard let next = arguments.popFirst() else { fail("\(flag) needs a value") }
        return next
    }
    func number<T: LosslessStringConvertible>(_ flag: String, as: T.Type = T.self) -> T {
        let raw = value(flag)
        guard let parsed = T(raw) else { fail("\(flag): not a number: \(raw)") }
        return parsed
    }
    while let flag = arguments.popFirst() {
        switch flag {
        case "--port": configuration.port = number(flag)
        case "--host": configuration.host = value(flag)
        case "--system-id": configuration.systemID = value(flag)
        case "--password": configuration.password = value(flag)
        case "--handset-system-id": configuration.handsetSystemID = value(flag)
        case "--handset-password": configuration.handsetPassword = value(flag)
        case "--receipt-delay-ms": configuration.receiptDelay = .milliseconds(number(flag, as: Int.self))
        case "--expiry-ms": configuration.expiry = .milliseconds(number(flag, as: Int.self))
        case "--unrouted":
            switch value(flag) {
            case "expire": configuration.unrouted = .waitThenExpire
            case "deliver": configuration.unrouted = .deliver
            default: fail("--unrouted takes expire or deliver")
            }
        case "--record": configuration.recordPath = value(flag)
        case "--seed": configuration.faults.seed = number(flag)
        case "--throttle": configuration.faults.throttlePerSecond = number(flag)
        case "--queue-full": configuration.faults.queueFullProbability = number(flag)
        case "--generic-nack": configuration.faults.genericNackProbability = number(flag)
        case "--lose-receipts": configuration.faults.receiptLossProbability = number(flag)
        case "--receipt-extra-delay-ms": configuration.faults.receiptExtraDelay = .milliseconds(number(flag, as: Int.self))
        case "--drop-after": configuration.faults.dropConnectionAfterSubmits = number(flag)
        case "--reorder": configuration.faults.reorderResponses = true
        case "--verbose": verbose = true
        case "--help", "-h":
            say(usage)
            exit(0)
        default: fail("unknown option \(flag)")
        }
    }
    return (configuration, verbose)
}

func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let (configuration, verbose) = parseArguments(Array(CommandLine.arguments.dropFirst()))
var logger = Logger(label: "smsc-sim")
logger.logLevel = verbose ? .debug : .info
let server = try await SMSCServer.bind(configuration: configuration, logger: logger)
say("listening on \(configuration.host):\(server.port)")

// Stop on SIGINT/SIGTERM by closing the listener; `run()` then closes every connection.
var signalSources: [any DispatchSourceSignal] = []
for signalNumber in [SIGINT, SIGTERM] {
    signal(signalNumber, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
    source.setEventHandler { Task { await server.shutdown() } }
    source.resume()
    signalSources.append(source)
}

try await server.run()
say("stopped")
