import Logging
import NIOCore

/// The state an ``ESMEClient`` keeps across reconnects: the send queue and window, messages
/// waiting for their parts, receipt matching and the keep-alive clock.
///
/// Connection tasks (reader, sender, keep-alive) call in; everything that decides lives in the
/// pure ``SubmitScheduler`` and ``ReceiptMatcher``.
actor ESMEEngine {
    enum KeepAlive: Sendable {
        case nothing
        case send(SMPPMessage)
        /// No `enquire_link_resp` or submit response in time: drop the link and rebind.
        case deadLink
    }

    private struct Progress {
        var reference: String
        var wantsReceipt: Bool
        var parts: [SubmittedPart?]
        /// Set once a caller waits; the outcome is kept in ``results`` if it comes first.
        var continuation: CheckedContinuation<[SubmittedPart], any Error>?
    }

    private let configuration: ESMEConfiguration
    private let logger: Logger
    private var scheduler: SubmitScheduler
    private var matcher: ReceiptMatcher
    private var progress: [UInt64: Progress] = [:]
    private var results: [UInt64: Result<[SubmittedPart], any Error>] = [:]
    private var nextOrder: UInt64 = 0
    private var nextConcatReference: UInt16 = 0
    private var wake: AsyncStream<Void>.Continuation?
    private var pendingEnquireLink: (sequence: UInt32, sentAt: ContinuousClock.Instant)?
    private var lastEnquireLink: ContinuousClock.Instant = .now
    private(set) var isClosed = false
    let receipts: AsyncStream<ReceiptEvent>
    private let receiptSink: AsyncStream<ReceiptEvent>.Continuation

    init(configuration: ESMEConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        scheduler = SubmitScheduler(configuration: configuration)
        matcher = ReceiptMatcher(base: configuration.messageIDBase)
        (receipts, receiptSink) = AsyncStream.makeStream(of: ReceiptEvent.self)
    }

    // MARK: Submitting

    /// Queues a message behind everything queued before; returns the key to wait on.
    func enqueue(_ sms: OutgoingSMS) throws(ESMEError) -> UInt64 {
        guard !isClosed else { throw .closed }
        let encoded: EncodedSMS
        do {
            nextConcatReference &+= 1
            encoded = try configuration.encoder.encode(sms.text, reference: nextConcatReference)
        } catch {
            throw .encoding(error)
        }
        let key = nextOrder
        let parts = encoded.parts.enumerated().map { index, part in
            var submit = SubmitSM(
                source: sms.source, destination: sms.destination, validityPeriod: sms.validityPeriod,
                registeredDelivery: sms.registeredDelivery ? .onSuccessOrFailure : .none
            )
            submit.setContent(part)
            nextOrder += 1
            return QueuedPart(
                order: nextOrder, messageKey: key, reference: sms.reference,
                partNumber: index + 1, totalParts: encoded.parts.count, submit: submit
            )
        }
        progress[key] = Progress(
            reference: sms.reference, wantsReceipt: sms.registeredDelivery,
            parts: Array(repeating: nil, count: parts.count)
        )
        scheduler.enqueue(parts)
        wake?.yield()
        return key
    }

    /// Waits until every part of the message is accepted, or one fails for good.
    func result(of key: UInt64) async throws -> [SubmittedPart] {
        if let result = results.removeValue(forKey: key) { return try result.get() }
        guard progress[key] != nil else { throw ESMEError.closed }
        return try await withCheckedThrowingContinuation { continuation in
            progress[key]?.continuation = continuation
        }
    }

    private func finish(_ key: UInt64, _ result: Result<[SubmittedPart], any Error>) {
        guard let entry = progress.removeValue(forKey: key) else { return }
        if let continuation = entry.continuation {
            continuation.resume(with: result)
        } else {
            results[key] = result
        }
    }

    /// What the sender task does next: every submit the window allows now (written with one
    /// flush), then why it stopped.
    func nextSends() -> (messages: [SMPPMessage], then: SubmitScheduler.Next) {
        guard wake != nil else { return ([], .idle) }
        var messages: [SMPPMessage] = []
        let now = ContinuousClock.now
        while true {
            let next = scheduler.next(now: now)
            guard case .send(let message) = next else {
                ESMEMetrics.submitted(messages.count, windowInUse: scheduler.inFlightCount)
                return (messages, next)
            }
            messages.append(message)
        }
    }

    // MARK: Responses

    func response(sequenceNumber: UInt32, status: CommandStatus, messageID: String) {
        let outcome = scheduler.receiveResponse(sequenceNumber: sequenceNumber, status: status, messageID: messageID, now: .now)
        ESMEMetrics.response(status, windowInUse: scheduler.inFlightCount)
        handle(outcome)
    }

    func genericNack(sequenceNumber: UInt32, status: CommandStatus) {
        if pendingEnquireLink?.sequence == sequenceNumber {
            pendingEnquireLink = nil
            return
        }
        handle(scheduler.receiveNack(sequenceNumber: sequenceNumber, status: status))
    }

    private func handle(_ outcome: SubmitScheduler.Outcome) {
        switch outcome {
        case .accepted(let part, let messageID):
            let submitted = SubmittedPart(
                reference: part.reference, partNumber: part.partNumber, totalParts: part.totalParts,
                messageID: messageID, attempts: part.attempts
            )
            let wantsReceipt = progress[part.messageKey]?.wantsReceipt ?? (part.submit.registeredDelivery != .none)
            if let event = matcher.accepted(submitted, wantsReceipt: wantsReceipt) { receiptSink.yield(event) }
            guard var entry = progress[part.messageKey] else { break }
            entry.parts[part.partNumber - 1] = submitted
            progress[part.messageKey] = entry
            if entry.parts.allSatisfy({ $0 != nil }) {
                finish(part.messageKey, .success(entry.parts.compactMap { $0 }))
            }
        case .retrying(let part):
            logger.debug("part will be retried", metadata: ["reference": "\(part.reference)", "part": "\(part.partNumber)"])
        case .failed(let part, let error):
            _ = scheduler.dropQueued(messageKey: part.messageKey)
            finish(part.messageKey, .failure(error))
        case .unknown:
            break
        }
        wake?.yield()
    }

    /// An incoming `deliver_sm` (already answered by the reader): receipts are matched.
    func incoming(_ deliver: DeliverSM) {
        guard deliver.esmClass.isDeliveryReceipt || deliver.esmClass.isIntermediateNotification else {
            logger.debug("mobile-originated message ignored", metadata: ["source": "\(deliver.source.address)"])
            return
        }
        do {
            let receipt = try DeliveryReceipt(deliver)
            if let event = matcher.receive(receipt) { receiptSink.yield(event) }
        } catch {
            logger.warning("unreadable delivery receipt", metadata: ["error": "\(error)"])
        }
    }

    // MARK: Link lifecycle

    func allocateSequence() -> UInt32 { scheduler.allocateSequence() }

    /// A new bound link: returns the signal stream the sender task waits on.
    func linkUp() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        wake = continuation
        pendingEnquireLink = nil
        lastEnquireLink = .now
        continuation.yield()
        return stream
    }

    func linkDown() {
        wake?.finish()
        wake = nil
        pendingEnquireLink = nil
        scheduler.linkLost()
    }

    func keepAliveTick() -> KeepAlive {
        let now = ContinuousClock.now
        if let pending = pendingEnquireLink, now - pending.sentAt >= configuration.responseTimeout { return .deadLink }
        if scheduler.hasOverdueRequest(now: now) { return .deadLink }
        guard pendingEnquireLink == nil, now - lastEnquireLink >= configuration.enquireLinkInterval else { return .nothing }
        let sequence = scheduler.allocateSequence()
        pendingEnquireLink = (sequence, now)
        lastEnquireLink = now
        return .send(SMPPMessage(sequenceNumber: sequence, pdu: .enquireLink))
    }

    func enquireLinkAnswered(sequenceNumber: UInt32) {
        if pendingEnquireLink?.sequence == sequenceNumber { pendingEnquireLink = nil }
    }

    /// Stops accepting messages and fails those not yet sent.
    func close() {
        isClosed = true
        for part in scheduler.drain() { finish(part.messageKey, .failure(ESMEError.closed)) }
        receiptSink.finish()
        wake?.yield()
    }

    func withdrawUnaccepted() -> Int {
        var withdrawn = 0
        for (key, entry) in progress where entry.parts.allSatisfy({ $0 == nil }) && !scheduler.isInFlight(messageKey: key) {
            _ = scheduler.dropQueued(messageKey: key)
            finish(key, .failure(ESMEError.withdrawn))
            withdrawn += 1
        }
        return withdrawn
    }

    func expectReceipts(for parts: [SubmittedPart]) {
        for part in parts {
            if let event = matcher.accepted(part, wantsReceipt: true) { receiptSink.yield(event) }
        }
    }

    func failAll() {
        for key in Array(progress.keys) { finish(key, .failure(ESMEError.closed)) }
    }

    var hasWorkInFlight: Bool { scheduler.inFlightCount > 0 }
}
