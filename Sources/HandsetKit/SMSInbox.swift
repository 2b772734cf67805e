/// The messages a handset received, kept so a script can wait for one that matches.
///
/// A matched message is taken out, so two `expect-sms` steps need two messages. A waiter is woken
/// by the message itself (no polling): a load run has hundreds of handsets waiting at once.
///
/// A wait can name the instant its dialogue dialled (`since`): a message that arrived before it
/// belongs to an earlier dialogue (a confirmation that came late, or one the SMSC kept while no
/// receiver was bound) and must not pass this one, so it is skipped and dropped.
public actor SMSInbox {
    public private(set) var messages: [ReceivedSMS] = []
    /// Every message ever received, matched or not.
    public private(set) var history: [ReceivedSMS] = []
    private var waiters: [Waiter] = []
    private var expired: Set<Int> = []
    /// Ids of `take` calls in progress, so a late expiry cannot leave a stale mark behind.
    private var pending: Set<Int> = []
    private var nextWaiter = 0

    public init() {}

    public func deliver(_ sms: ReceivedSMS) {
        history.append(sms)
        if let index = waiters.firstIndex(where: { $0.accepts(sms) }) {
            waiters.remove(at: index).continuation?.resume(returning: sms)
        } else {
            messages.append(sms)
        }
    }

    /// Feeds the inbox from a receiver's stream until it finishes.
    public func collect(from stream: AsyncStream<ReceivedSMS>) async {
        for await sms in stream { deliver(sms) }
    }

    /// Waits up to `limit` for a message `pattern` matches (nil: any message) that arrived at or
    /// after `since` (nil: whenever), and takes it out; messages that arrived before `since` are
    /// dropped (they stay in ``history``).
    public func take(
        matching pattern: TextPattern?, arrivedSince since: ContinuousClock.Instant? = nil, within limit: Duration
    ) async -> ReceivedSMS? {
        if let since { dropStale(before: since) }
        if let index = messages.firstIndex(where: { pattern?.matches($0.text) ?? true }) {
            return messages.remove(at: index)
        }
        let id = nextWaiter
        nextWaiter += 1
        pending.insert(id)
        defer {
            pending.remove(id)
            expired.remove(id)
        }
        return await withTaskGroup(of: ReceivedSMS?.self) { group in
            group.addTask { await self.wait(Waiter(id: id, pattern: pattern, since: since)) }
            group.addTask {
                try? await Task.sleep(for: limit)
                await self.expire(id)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Forgets unmatched messages, e.g. between two runs of a script in load mode.
    public func clear() {
        messages = []
    }

    /// Messages that arrived before a dialogue dialled, sent away before anyone looks at them.
    public func dropStale(before since: ContinuousClock.Instant) {
        messages.removeAll { $0.arrivedAt < since }
    }

    private func wait(_ waiter: Waiter) async -> ReceivedSMS? {
        if expired.remove(waiter.id) != nil { return nil }
        // A message may have landed between `take`'s own look and this registration.
        if let index = messages.firstIndex(where: { waiter.accepts($0) }) {
            return messages.remove(at: index)
        }
        return await withCheckedContinuation { continuation in
            var waiter = waiter
            waiter.continuation = continuation
            waiters.append(waiter)
        }
    }

    /// Ends a wait with nil; a no-op (bar bookkeeping) when the wait already got its message.
    private func expire(_ id: Int) {
        if let index = waiters.firstIndex(where: { $0.id == id }) {
            waiters.remove(at: index).continuation?.resume(returning: nil)
        } else if pending.contains(id) {
            expired.insert(id)
        }
    }
}

/// One `take` waiting for its message.
private struct Waiter {
    var id: Int
    var pattern: TextPattern?
    var since: ContinuousClock.Instant?
    var continuation: CheckedContinuation<ReceivedSMS?, Never>?

    func accepts(_ sms: ReceivedSMS) -> Bool {
        if let since, sms.arrivedAt < since { return false }
        return pattern?.matches(sms.text) ?? true
    }
}
