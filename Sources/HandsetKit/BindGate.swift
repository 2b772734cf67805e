/// Lets callers wait until a receiver is bound, or learn why it never will be.
actor BindGate {
    private var result: Result<Void, SMSReceiverError>?
    private var waiters: [CheckedContinuation<Void, any Error>] = []

    func wait() async throws {
        if let result { return try result.get() }
        try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    func open(_ result: Result<Void, SMSReceiverError>) {
        guard self.result == nil else { return }
        self.result = result
        for waiter in waiters { waiter.resume(with: result.mapError { $0 as any Error }) }
        waiters = []
    }
}
