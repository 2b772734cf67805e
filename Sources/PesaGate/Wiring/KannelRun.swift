import Foundation

/// Kannel's side of one window: its own bearerbox and smsbox against the benchmark's SMSC
/// simulator, `max-pending-submits` set to the window, the same messages handed in over HTTP
/// sendsms, and a message counted when its DELIVRD report reaches the ``DLRListener``.
///
/// The clock starts once the SMPP link is online and a probe message has made the whole round
/// (sendsms, submit, receipt, callback), so Kannel's start-up is not part of its figure, just as
/// our ESME's bind is not part of ours.
struct KannelRun {
    var binaries: KannelBoxes.Binaries
    var smscPort: Int
    var systemID: String
    var password: String
    var window: Int
    /// Concurrent sendsms connections.
    var connections: Int
    var listener: DLRListener
    var callbackPort: Int

    struct Outcome: Sendable {
        var rate: SMPPRate
        /// How long smsbox took to accept all messages over HTTP (well under ``rate``'s time when
        /// HTTP intake is not the limit).
        var submitSeconds: Double
    }

    static let smscID = "smsc-sim"

    func run(_ messages: [SMPPBenchMessage]) async throws -> Outcome {
        let scratch = try BenchmarkScratch(name: "smpp-kannel-w\(window)")
        defer { scratch.remove() }
        let ports = try FreePort.loopback(count: 3)
        let config = KannelConfig(
            adminPort: ports[0], smsboxPort: ports[1], sendsmsPort: ports[2], smscPort: smscPort, systemID: systemID,
            password: password, window: window, directory: scratch.directory.path)
        let file = scratch.directory.appendingPathComponent("kannel.conf")
        try config.text.write(to: file, atomically: true, encoding: .utf8)
        let boxes = KannelBoxes(directory: scratch.directory)
        do {
            let outcome = try await measure(messages, config: config, file: file, boxes: boxes)
            await boxes.stop()
            return outcome
        } catch {
            let diagnostics = boxes.diagnostics()
            await boxes.stop()
            throw SMPPBenchError("Kannel at window \(window): \(error)\(diagnostics.isEmpty ? "" : "\n" + diagnostics)")
        }
    }

    private func measure(_ messages: [SMPPBenchMessage], config: KannelConfig, file: URL, boxes: KannelBoxes) async throws -> Outcome {
        try boxes.start(binaries.bearerbox, config: file)
        try await waitUntilOnline(config: config, boxes: boxes)
        try boxes.start(binaries.smsbox, config: file)
        let tally = DeliveryTally(target: messages.count + 1)
        listener.tally = tally
        let probe = "w\(window)-PROBE"
        try await sendProbe(KannelSendSMS.uri(for: messages[0], reference: probe, config: config, callbackPort: callbackPort),
                            port: config.sendsmsPort, boxes: boxes)
        try await waitForProbe(probe, in: tally)

        let uris = messages.map { message in
            KannelSendSMS.uri(for: message, reference: "w\(window)-\(message.transactionId.value)", config: config,
                              callbackPort: callbackPort)
        }
        let submitter = KannelSubmitter(port: config.sendsmsPort, connections: connections)
        let started = ContinuousClock.now
        let (reached, submitted) = try await withThrowingTaskGroup(of: Finished.self) { group in
            group.addTask { .submitted(try await submitter.submit(uris)) }
            group.addTask { .delivered(try await tally.waitForTarget(total: messages.count + 1, what: "Kannel")) }
            var reached: ContinuousClock.Instant?
            var submitted: KannelSubmitter.Outcome?
            // A refused submit ends the group at once instead of waiting for the stall timeout.
            while let finished = try await group.next() {
                switch finished {
                case .submitted(let outcome): submitted = outcome
                case .delivered(let instant): reached = instant
                }
            }
            guard let reached, let submitted else { throw SMPPBenchError("Kannel measurement ended without a result") }
            return (reached, submitted)
        }
        return Outcome(rate: SMPPRate(messages: messages.count, seconds: (reached - started).benchSeconds),
                       submitSeconds: submitted.seconds)
    }

    private enum Finished: Sendable {
        case submitted(KannelSubmitter.Outcome)
        case delivered(ContinuousClock.Instant)
    }

    /// Polls bearerbox's status page until the SMPP link to the simulator is online.
    private func waitUntilOnline(config: KannelConfig, boxes: KannelBoxes, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        let uri = "/status.txt?password=\(KannelSendSMS.encode(config.adminPassword))"
        while ContinuousClock.now < deadline {
            guard boxes.allRunning else { throw SMPPBenchError("bearerbox exited during start-up") }
            let page = try? await KannelHTTPConnection.with(host: "127.0.0.1", port: config.adminPort) { try await $0.get(uri) }
            if let page, KannelStatus.isOnline(page.body, smscID: Self.smscID) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw SMPPBenchError("the SMPP link of bearerbox did not come online within \(timeout)")
    }

    /// Sends one message, retrying while smsbox is still opening its port or joining bearerbox.
    private func sendProbe(_ uri: String, port: Int, boxes: KannelBoxes, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        var lastError = "no answer"
        while ContinuousClock.now < deadline {
            guard boxes.allRunning else { throw SMPPBenchError("a Kannel box exited during start-up") }
            do {
                let reply = try await KannelHTTPConnection.with(host: "127.0.0.1", port: port) { try await $0.get(uri) }
                if reply.status == 202 { return }
                lastError = "HTTP \(reply.status) \(reply.body.prefix(80))"
            } catch {
                lastError = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw SMPPBenchError("smsbox did not accept the probe message within \(timeout): \(lastError)")
    }

    private func waitForProbe(_ reference: String, in tally: DeliveryTally, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !tally.contains(reference) {
            guard ContinuousClock.now < deadline else {
                throw SMPPBenchError("no delivery report for the probe message within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
