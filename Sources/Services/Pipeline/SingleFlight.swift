/// Runs one drain at a time. An actor is reentrant at every `await`, so a second caller arriving while a
/// drain runs only asks for another round and returns; the running drain picks its work up. A caller may
/// thus return before its rows are out, which is safe when the rows are durable (an outbox, the join store).
actor SingleFlight {
    private var running = false
    private var rerun = false

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
        } while rerun
    }
}
