import Synchronization

/// Hands the benchmark's messages to smsbox over many kept-alive connections at once.
///
/// Each connection takes the next message as soon as its previous request was answered, so
/// smsbox always has `connections` requests to work on and the HTTP side is never what limits
/// Kannel's figure. The time it took is reported next to the delivery rate, so a reader can
/// check that.
struct KannelSubmitter {
    var port: Int
    var connections: Int

    struct Outcome: Sendable {
        /// Requests smsbox answered 202 (accepted or queued).
        var accepted: Int
        var seconds: Double
    }

    /// Sends every URI (each a complete sendsms request) and throws on the first refusal, since a
    /// refused message would never deliver and the measurement would be wrong.
    func submit(_ uris: [String]) async throws -> Outcome {
        let progress = Progress()
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, min(connections, uris.count)) {
                group.addTask {
                    try await KannelHTTPConnection.with(host: "127.0.0.1", port: port) { connection in
                        while true {
                            let index = progress.next.add(1, ordering: .relaxed).oldValue
                            guard index < uris.count else { return }
                            let reply = try await connection.get(uris[index])
                            guard reply.status == 202 else {
                                throw SMPPBenchError("smsbox refused a message: HTTP \(reply.status) \(reply.body.prefix(80))")
                            }
                            progress.accepted.add(1, ordering: .relaxed)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        return Outcome(accepted: progress.accepted.load(ordering: .relaxed), seconds: (ContinuousClock.now - started).benchSeconds)
    }

    /// Shared by the connection tasks: the next message to take, and how many were accepted.
    private final class Progress: Sendable {
        let next = Atomic<Int>(0)
        let accepted = Atomic<Int>(0)
    }
}
