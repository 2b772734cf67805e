/// Whether the client is bound right now, and how to unbind it: shared between ``ESMEClient/run()``
/// and callers of ``ESMEClient/waitUntilBound()`` and ``ESMEClient/shutdown()``.
actor LinkState {
    private var bound = false
    private var unbindAction: (@Sendable () async -> Void)?
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// Set when ``ESMEClient/run()`` has returned: nobody should wait for a bind any more.
    private var finished = false

    func setBound(_ isBound: Bool, unbind: (@Sendable () async -> Void)? = nil) {
        if isBound { downSince = nil } else if bound || downSince == nil { downSince = .now }
        bound = isBound
        unbindAction = isBound ? unbind : nil
        if isBound {
            for waiter in waiters { waiter.resume() }
            waiters = []
        }
    }

    /// Whether the link is bound now, and since when it has not been (nil while bound), so a
    /// router can fail over from a link that stays down.
    var isBound: Bool { bound }
    private(set) var downSince: ContinuousClock.Instant? = .now

    func waitUntilBound() async {
        guard !bound, !finished else { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// The client stopped for good (shut down or refused): wake every waiter.
    func finish() {
        finished = true
        bound = false
        for waiter in waiters { waiter.resume() }
        waiters = []
    }

    /// Sends `unbind` on the current link; the reader ends on `unbind_resp` and ``ESMEClient/run()`` returns.
    func unbind() async {
        await unbindAction?()
    }
}
