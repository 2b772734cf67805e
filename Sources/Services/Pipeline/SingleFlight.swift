/// Runs one drain at a time. An actor is reentrant at every `await`, so a second caller arriving while a
/// drain runs only asks for another round and returns; the running drain picks its work up. A caller may
/// thus return before its rows are out, which is safe when the rows are durable (an outbox, the join store).
///
/// With a worker (``work(_:)``) the extra rounds run in the worker's task, not in the caller that
/// happened to start the drain: under steady load the rounds never stop, and a record handler held in
/// that loop stalled its whole partition for seconds (measured: answers read 10-30 s late, payments
/// timed out). Without a worker (unit tests) the first caller runs the rounds itself.
actor SingleFlight {
    private var running = false
    private var rerun = false
    private var hasWorker = false
    private let rounds: AsyncStream<Void>
    private let askForRound: AsyncStream<Void>.Continuation

    init() {
        (rounds, askForRound) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func run(_ drain: @Sendable () async throws -> Void) async throws {
        guard !running else {
            rerun = true
            return
        }
        running = true
        defer { running = false }
        repeat {
            rerun = false
            try await drain()
        } while rerun && !hasWorker
        if rerun { askForRound.yield() }
    }

    /// Runs the rounds asked for while a drain was running, until the calling task is cancelled.
    /// `failed` hears a round's error; the next round retries.
    func work(_ drain: @escaping @Sendable () async throws -> Void, failed: @Sendable (any Error) -> Void) async {
        hasWorker = true
        defer { hasWorker = false }
        for await _ in rounds {
            do { try await run(drain) } catch { failed(error) }
        }
    }
}
