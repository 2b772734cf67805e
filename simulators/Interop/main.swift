import Foundation
import Logging
import SMPP

// smpp-interop: drives our ESME (the SMPP module's ESMEClient) against any SMSC, for the
// interoperability checks in simulators/interop-checks: it sends the messages of a JSON file with
// registered_delivery, waits for their receipts and prints what happened as JSON lines.

func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Runs `operation` but gives up after `limit`; true when it finished in time.
func finishes(within limit: Duration, _ operation: @escaping @Sendable () async -> Void) async -> Bool {
    await withTaskGroup(of: Bool.self) { group in
        group.addTask {
            await operation()
            return true
        }
        group.addTask {
            try? await Task.sleep(for: limit)
            return false
        }
        let first = await group.next() ?? false
        group.cancelAll()
        return first
    }
}

let options: InteropOptions
do {
    options = try InteropOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    if let message = error.message { standardError(message) }
    standardError(InteropOptions.usage)
    exit(error.message == nil ? 0 : 2)
}

let messages: [InteropMessage]
do {
    messages = try JSONDecoder().decode([InteropMessage].self, from: Data(contentsOf: URL(fileURLWithPath: options.messagesPath)))
} catch {
    standardError("cannot read \(options.messagesPath): \(error)")
    exit(2)
}

LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = .warning
    return handler
}
let client = ESMEClient(configuration: options.configuration, logger: Logger(label: "smpp-interop"))
let receipts = ReceiptLog()
let runner = Task { try await client.run() }
let listener = Task {
    for await event in client.receipts { await receipts.add(event) }
}

guard await finishes(within: .seconds(10), { await client.waitUntilBound() }) else {
    standardError("smpp-interop: no bind to \(options.configuration.host):\(options.configuration.port) within 10 s")
    exit(1)
}

var reports = messages.map { InteropReport(reference: $0.reference) }
let outcomes = await client.submitInOrder(messages.map(\.outgoing))
for (index, outcome) in outcomes.enumerated() {
    switch outcome {
    case .success(let parts): reports[index].parts = parts.map(InteropReport.Part.init)
    case .failure(let error): reports[index].error = "\(error)"
    }
}

let expected = reports.reduce(0) { $0 + $1.parts.count }
let deadline = ContinuousClock.now + options.receiptTimeout
while await receipts.finalCount < expected, ContinuousClock.now < deadline {
    try? await Task.sleep(for: .milliseconds(20))
}
await client.shutdown()
if case .failure(let error) = await runner.result {
    // A refused bind lands here; the messages then report `closed`.
    standardError("smpp-interop: link ended with \(error)")
}
listener.cancel()

for event in await receipts.events {
    guard let index = reports.firstIndex(where: { $0.reference == event.part.reference }) else { continue }
    reports[index].receipts.append(InteropReport.Receipt(event))
}
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
for report in reports {
    var line = (try? encoder.encode(report)) ?? Data()
    line.append(0x0A)
    FileHandle.standardOutput.write(line)
}
exit(reports.allSatisfy(\.isComplete) ? 0 : 1)
